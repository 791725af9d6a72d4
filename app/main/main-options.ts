// Electron main's options: the ferryd socket from --socket or FERRY_SOCKET, and the test-only ownership override.
import { DEFAULT_SOCKET_PATH } from '../../shared/src/protocol/version.js';

export interface MainOptions {
  socketPath: string;
  allowNonRootSocket: boolean;
}

export function mainOptions(argv: readonly string[], env: NodeJS.ProcessEnv): MainOptions {
  const flagAt = argv.indexOf('--socket');
  const inline = argv.find((arg) => arg.startsWith('--socket='))?.slice('--socket='.length);
  const fromFlag = flagAt >= 0 ? argv[flagAt + 1] : inline;
  return {
    socketPath: fromFlag || env.FERRY_SOCKET || DEFAULT_SOCKET_PATH,
    allowNonRootSocket: env.FERRY_TEST_ALLOW_NON_ROOT_SOCKET === '1',
  };
}
