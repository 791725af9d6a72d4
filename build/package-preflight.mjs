// What `npm run package` needs before it starts (electron-builder, an Electron build for this platform), found without the network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** process.arch spelled the way Electron names its release zips. */
const ELECTRON_ARCH = { x64: 'x64', arm64: 'arm64', arm: 'armv7l', ia32: 'ia32' };

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** The electron-builder CLI script in the project's node_modules, or null. */
export function findElectronBuilderCli(projectDir) {
  try {
    const manifestPath = createRequire(join(projectDir, 'package.json')).resolve('electron-builder/package.json');
    const bin = readJson(manifestPath)?.bin;
    const relative = typeof bin === 'string' ? bin : bin?.['electron-builder'];
    return relative ? join(manifestPath, '..', relative) : null;
  } catch {
    return null;
  }
}

/** Where @electron/get and electron-builder keep downloaded zips: ELECTRON_CACHE, else the XDG cache. */
export function electronCacheDirs(env, homeDir) {
  const dirs = [env.ELECTRON_CACHE, env.XDG_CACHE_HOME && join(env.XDG_CACHE_HOME, 'electron'), join(homeDir, '.cache', 'electron')];
  return [...new Set(dirs.filter(Boolean))];
}

/** A cached `electron-vVERSION-linux-ARCH.zip`, directly in a cache dir or one level down (@electron/get hashes the URL). */
export function findElectronZip(cacheDirs, zipName) {
  for (const dir of cacheDirs) {
    if (!existsSync(dir)) continue;
    if (existsSync(join(dir, zipName))) return join(dir, zipName);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(dir, entry.name, zipName))) return join(dir, entry.name, zipName);
    }
  }
  return null;
}

/**
 * Checks the project at `projectDir`. Returns `missing` (each with how to get it; empty means ready), the
 * electron-builder CLI, and `electronDist` when an unpacked Electron in node_modules can stand in for the zip.
 */
export function preflight({ projectDir, env, homeDir, arch }) {
  const missing = [];
  const electronBuilderCli = findElectronBuilderCli(projectDir);
  if (electronBuilderCli === null) {
    missing.push({
      what: 'electron-builder is not installed',
      how: 'on a machine with network access: npm i -D electron-builder (it is large, and downloads fpm and the AppImage tools on first use)',
    });
  }
  const electronDir = join(projectDir, 'node_modules', 'electron');
  const version = readJson(join(electronDir, 'package.json'))?.version;
  let electronDist = null;
  if (!version) {
    missing.push({ what: 'the electron package is not installed', how: 'npm ci' });
  } else if (existsSync(join(electronDir, 'dist', 'electron'))) {
    electronDist = join(electronDir, 'dist');
  } else {
    const zipName = `electron-v${version}-linux-${ELECTRON_ARCH[arch] ?? arch}.zip`;
    const cacheDirs = electronCacheDirs(env, homeDir);
    if (findElectronZip(cacheDirs, zipName) === null) {
      missing.push({
        what: `Electron ${version} for linux-${arch}: no ${zipName} in ${cacheDirs.join(' or ')}, and no node_modules/electron/dist`,
        how: `on a machine with network access: node node_modules/electron/install.js (or copy ${zipName} from `
          + `https://github.com/electron/electron/releases/tag/v${version} into ${cacheDirs[0]})`,
      });
    }
  }
  return { missing, electronBuilderCli, electronDist };
}
