// `npm run package [-- --check]`: checks the packaging tools, then builds and runs electron-builder (AppImage + deb) for Linux.
import { spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { preflight } from './package-preflight.mjs';

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const checkOnly = process.argv.includes('--check');

function run(file, args) {
  process.stdout.write(`package: ${[file, ...args].join(' ')}\n`);
  const result = spawnSync(file, args, { cwd: projectDir, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`package: ${file} ${args[0] ?? ''} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})\n`);
    process.exit(1);
  }
}

if (process.platform !== 'linux') {
  process.stderr.write('package: Ferry is packaged on Linux (its helper and native addon are Linux-only)\n');
  process.exit(1);
}

const found = preflight({ projectDir, env: process.env, homeDir: homedir(), arch: process.arch });
if (found.missing.length > 0) {
  process.stderr.write('package: cannot package on this machine; missing:\n');
  for (const { what, how } of found.missing) process.stderr.write(`  - ${what}\n    get it: ${how}\n`);
  process.stderr.write('Nothing was built. build/README.md describes packaging.\n');
  process.exit(1);
}
process.stdout.write('package: electron-builder and Electron are available'
  + ' (electron-builder may still download fpm and the AppImage runtime on first use; USE_SYSTEM_FPM=true uses an installed fpm)\n');
if (checkOnly) process.exit(0);

run('npm', ['run', '--silent', 'build']);
run('npm', ['run', '--silent', 'build:app']);
const builderArgs = ['--linux', '--config', 'build/electron-builder.yml'];
if (found.electronDist !== null) builderArgs.push(`--config.electronDist=${found.electronDist}`);
run(process.execPath, [found.electronBuilderCli, ...builderArgs]);
process.stdout.write('package: done; the AppImage and the deb are in release/\n');
