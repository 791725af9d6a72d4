// Runs build/install.sh and build/uninstall.sh for the install tests, always against a DESTDIR, never the real system.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `bash build/NAME.sh ARGS…` with no DESTDIR inherited: each test passes --destdir itself. */
export function runBuildScript(name: 'install' | 'uninstall', args: string[]): ScriptRun {
  const env = { ...process.env };
  delete env.DESTDIR;
  const result = spawnSync('bash', [join(REPO_DIR, 'build', `${name}.sh`), ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every path under `root` (files, links and directories), relative and sorted, to compare trees. */
export function listTree(root: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      paths.push(relative(root, path));
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return paths.sort();
}
