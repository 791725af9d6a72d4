// Finds the Electron binary the way the electron package does (ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ElectronLookup = { ok: true; path: string } | { ok: false; message: string };

const PACKAGE_DIR = fileURLToPath(new URL('../../../node_modules/electron/', import.meta.url));

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const pathFile = join(PACKAGE_DIR, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(PACKAGE_DIR, 'dist');
  const path = join(distDir, relative);
  if (existsSync(path)) return { ok: true, path };
  return {
    ok: false,
    message: `the Electron binary is missing (looked for ${path}); npm installs the electron package but its binary is `
      + 'downloaded separately, which failed or was skipped. Set ELECTRON_OVERRIDE_DIST_PATH to a directory holding an Electron build.',
  };
}
