// Electron main's options: the ferryd socket from --socket or FERRY_SOCKET, --hidden (started at login), and the test-only ownership override.
import { DEFAULT_SOCKET_PATH } from '../../shared/src/protocol/version.js';
import { HIDDEN_ARGUMENT } from './launch-at-login.js';

export interface MainOptions {
  socketPath: string;
  allowNonRootSocket: boolean;
  /** Started at login (launch at login adds --hidden): only the tray appears, the window waits until it is opened. */
  startHidden: boolean;
}

export function mainOptions(argv: readonly string[], env: NodeJS.ProcessEnv): MainOptions {
  const flagAt = argv.indexOf('--socket');
  const inline = argv.find((arg) => arg.startsWith('--socket='))?.slice('--socket='.length);
  const fromFlag = flagAt >= 0 ? argv[flagAt + 1] : inline;
  return {
    socketPath: fromFlag || env.FERRY_SOCKET || DEFAULT_SOCKET_PATH,
    allowNonRootSocket: env.FERRY_TEST_ALLOW_NON_ROOT_SOCKET === '1',
    startHidden: argv.includes(HIDDEN_ARGUMENT),
  };
}
