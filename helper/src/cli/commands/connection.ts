// `ferry connect NAME [--wait] [--timeout SECONDS] [--restart]` and `ferry disconnect`.
import { MAX_CONNECT_TIMEOUT_MS } from '../../../../shared/src/protocol/methods.js';
import { EXIT_FAILURE, UsageError, type CommandSpec } from '../command-spec.js';
import { formatTransition } from '../format/status-text.js';
import { emit } from './emit.js';

/** Extra time the CLI waits for the reply beyond the daemon's own timeout. */
const REPLY_MARGIN_MS = 10_000;

export function parseTimeoutSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = Number(text);
  const timeoutMs = Math.round(seconds * 1000);
  if (!/^\d+(\.\d+)?$/.test(text) || timeoutMs < 1 || timeoutMs > MAX_CONNECT_TIMEOUT_MS) {
    throw new UsageError(`--timeout must be a number of seconds between 0.001 and ${MAX_CONNECT_TIMEOUT_MS / 1000}`);
  }
  return timeoutMs;
}

export const connectCommand: CommandSpec = {
  path: ['connect'],
  synopsis: 'NAME [--wait] [--timeout SECONDS] [--restart]',
  summary: 'connect with a profile; --wait returns once connected (or failed); --restart reconnects a profile already up (the kill switch stays on)',
  options: { wait: { type: 'boolean' }, timeout: { type: 'string' }, restart: { type: 'boolean' } },
  positionals: { names: ['NAME'], min: 1 },
  check: (options) => void parseTimeoutSeconds(options.timeout as string | undefined),
  run: async (context) => {
    const timeoutMs = parseTimeoutSeconds(context.options.timeout as string | undefined);
    const name = context.positionals[0] ?? '';
    const wait = context.options.wait === true;
    const restart = context.options.restart === true;
    const params = { name, wait, ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(restart ? { restart } : {}) };
    const status = await context.client.callWithin((timeoutMs ?? 30_000) + REPLY_MARGIN_MS, 'connect', params);
    if (status.state === 'error') {
      if (context.json) context.io.stdout(`${JSON.stringify(status)}\n`);
      context.io.stderr(`ferry: ${status.error?.message ?? 'connection failed'}\n`);
      return EXIT_FAILURE;
    }
    return emit(context, status, () => formatTransition(status));
  },
};

export const disconnectCommand: CommandSpec = {
  path: ['disconnect'],
  synopsis: '',
  summary: 'disconnect and undo every system change',
  options: {},
  positionals: { names: [], min: 0 },
  run: async (context) => {
    const status = await context.client.call('disconnect');
    return emit(context, status, () => formatTransition(status));
  },
};
