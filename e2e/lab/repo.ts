// Paths of this checkout that the lab runs: the built ferryd/ferry entry points and the lab's own Node tools.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is e2e/lab/repo.ts and runs from source through vitest or tsx). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FERRYD_BIN = `${REPO_ROOT}helper/bin/ferryd`;
export const FERRY_BIN = `${REPO_ROOT}helper/bin/ferry`;

/** The argument vector that runs a lab tool (e2e/lab/tools/NAME.ts) with Node and tsx from this checkout. */
export function toolCommand(name: string, args: readonly string[]): [string, string[]] {
  return [process.execPath, ['--import', 'tsx', `${REPO_ROOT}e2e/lab/tools/${name}.ts`, ...args]];
}

/** Throws a clear message when Ferry has not been built yet. */
export function requireFerryBuilt(): void {
  for (const bin of [FERRYD_BIN, FERRY_BIN]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: build Ferry first (npm run build)`);
  }
}
