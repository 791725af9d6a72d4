// Entry point of the browser host (`npm run host`): wiring only — bridge to ferryd, HTTP/WebSocket server, URL on stdout.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDesktopHandlers } from '../main/desktop-handlers.js';
import { FerrydBridge } from '../main/ferryd-bridge.js';
import { UiRouter } from '../main/ui-router.js';
import { HOST_USAGE, parseHostOptions } from './host-options.js';
import { startHostServer } from './host-server.js';

const parsed = parseHostOptions(process.argv.slice(2), process.env);
if (parsed.ok === 'help') {
  process.stdout.write(`${HOST_USAGE}\n`);
  process.exit(0);
}
if (parsed.ok === false) {
  process.stderr.write(`ferry host: ${parsed.message}\n${HOST_USAGE}\n`);
  process.exit(2);
}
const { options } = parsed;
if (!existsSync(join(options.webRoot, 'index.html'))) {
  process.stderr.write(`ferry host: no built renderer in ${options.webRoot}; run \`npm run build:app\` first\n`);
  process.exit(1);
}

const bridge = new FerrydBridge({ socketPath: options.socketPath, clientName: 'ferry-browser-host', allowNonRootSocket: options.allowNonRootSocket });
bridge.start();
// Launch at login starts this same host again (node + this script).
const desktopDeps = { bridge, env: process.env, platform: process.platform, launchCommand: { executable: process.execPath, args: [fileURLToPath(import.meta.url)] } };
const host = await startHostServer(new UiRouter(bridge, createDesktopHandlers(desktopDeps)), options.webRoot, options.port);
process.stdout.write(`Ferry is running for your browser. Open:\n  ${host.url}\n(ferryd socket: ${options.socketPath}; Ctrl+C to stop)\n`);

const stop = (): void => {
  bridge.stop();
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
