// Command line of the browser host: `--socket PATH`, `--port N`, `--web-root DIR`; parsed into options or a message.
import { fileURLToPath } from 'node:url';
import { DEFAULT_SOCKET_PATH } from '../../shared/src/protocol/version.js';

export interface HostOptions {
  socketPath: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (vite's output). */
  webRoot: string;
  /** Tests only (FERRY_TEST_ALLOW_NON_ROOT_SOCKET=1): accept a ferryd socket that root does not own. */
  allowNonRootSocket: boolean;
}

export const HOST_USAGE = `usage: npm run host -- [--socket PATH] [--port N] [--web-root DIR]
  Serves the Ferry app on http://127.0.0.1 for a browser and bridges it to ferryd.
  --socket PATH   ferryd's socket (default: $FERRY_SOCKET or ${DEFAULT_SOCKET_PATH})
  --port N        port on 127.0.0.1 (default: a free one)
  --web-root DIR  the built renderer (default: dist/app/renderer, made by npm run build:app)`;

/** dist/app/host/host-options.js → dist/app/renderer */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));

export type HostOptionsParse = { ok: true; options: HostOptions } | { ok: false; message: string } | { ok: 'help' };

export function parseHostOptions(argv: readonly string[], env: NodeJS.ProcessEnv): HostOptionsParse {
  const options: HostOptions = {
    socketPath: env.FERRY_SOCKET || DEFAULT_SOCKET_PATH,
    port: 0,
    webRoot: DEFAULT_WEB_ROOT,
    allowNonRootSocket: env.FERRY_TEST_ALLOW_NON_ROOT_SOCKET === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--socket', '--port', '--web-root'].includes(flag ?? '')) return { ok: false, message: `unknown option ${arg}` };
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return { ok: false, message: `${flag} needs a value` };
    if (flag === '--socket') options.socketPath = value;
    else if (flag === '--web-root') options.webRoot = value;
    else if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `--port: '${value}' is not a port number` };
      options.port = port;
    }
  }
  return { ok: true, options };
}
