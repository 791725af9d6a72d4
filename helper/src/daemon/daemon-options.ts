// ferryd's command line (DESIGN.md §5): `ferryd [--socket PATH] [--state-dir DIR] [--log-level LEVEL]`.
import { parseArgs } from 'node:util';
import { LOG_LEVELS, logLevelSchema, type LogLevel } from '../../../shared/src/protocol/log.js';
import { DEFAULT_SOCKET_PATH } from '../../../shared/src/protocol/version.js';
import { DEFAULT_STATE_DIR } from '../store/state-dir.js';

export interface DaemonOptions {
  socketPath: string;
  stateDir: string;
  /** Only when given on the command line; otherwise the stored setting decides. */
  logLevel: LogLevel | null;
}

export const DAEMON_USAGE = `usage: ferryd [--socket PATH] [--state-dir DIR] [--log-level ${LOG_LEVELS.join('|')}]`;

export type DaemonOptionsParse = { ok: true; options: DaemonOptions } | { ok: false; message: string } | { ok: 'help' };

export function parseDaemonOptions(argv: string[], env: NodeJS.ProcessEnv = {}): DaemonOptionsParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        socket: { type: 'string' },
        'state-dir': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: 'help' };
  const level = values['log-level'];
  if (level !== undefined && !logLevelSchema.safeParse(level).success) {
    return { ok: false, message: `unknown log level "${level}" (expected ${LOG_LEVELS.join(', ')})` };
  }
  return {
    ok: true,
    options: {
      socketPath: values.socket ?? env.FERRY_SOCKET ?? DEFAULT_SOCKET_PATH,
      stateDir: values['state-dir'] ?? DEFAULT_STATE_DIR,
      logLevel: (level as LogLevel | undefined) ?? null,
    },
  };
}
