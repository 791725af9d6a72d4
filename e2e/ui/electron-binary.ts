// Where Playwright finds the Electron binary (ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist), as the electron package does.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built Electron main (npm run build:app). */
export const ELECTRON_MAIN = join(REPO_ROOT, 'dist/app/main/index.js');

export type ElectronLookup = { ok: true; path: string } | { ok: false; message: string };

export function findElectron(env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const packageDir = join(REPO_ROOT, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const path = join(env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'), relative);
  return existsSync(path)
    ? { ok: true, path }
    : { ok: false, message: `no Electron binary at ${path} (its download is not possible here; set ELECTRON_OVERRIDE_DIST_PATH to an Electron build)` };
}
