// `npm start`: runs the Electron app, or, where the Electron binary is missing, says so and how to use the browser host instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.js';

const MAIN_ENTRY = fileURLToPath(new URL('../main/index.js', import.meta.url));

const electron = findElectronBinary();
if (!electron.ok) {
  process.stderr.write(`ferry: cannot start the desktop app: ${electron.message}\n\n`
    + 'Run the same app in a browser instead:\n'
    + '  npm run host -- --socket /run/ferry/ferryd.sock\n'
    + 'and open the URL it prints (Chromium or any current browser).\n');
  process.exit(1);
}
if (!existsSync(MAIN_ENTRY)) {
  process.stderr.write('ferry: the app is not built; run `npm run build:app` first\n');
  process.exit(1);
}
const child = spawn(electron.path, [MAIN_ENTRY, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
