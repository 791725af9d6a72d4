// `ferry status`: the connection state and tunnel figures.
import type { CommandSpec } from '../command-spec.js';
import { splitStatusLine } from '../format/split-text.js';
import { formatStatus } from '../format/status-text.js';
import { emit } from './emit.js';

export const statusCommand: CommandSpec = {
  path: ['status'],
  synopsis: '',
  summary: 'state, profile, interface, addresses, endpoint, handshake age, transfer, rates, latency',
  options: {},
  positionals: { names: [], min: 0 },
  run: async (context) => {
    const status = await context.client.call('status');
    return emit(context, status, () => formatStatus(status, context.io.wallMs()) + splitStatusLine(status.split));
  },
};
