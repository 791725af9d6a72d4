// `ferry stats [--follow]`: the latest traffic and latency sample, or a line per sample as they come.
import type { CommandSpec } from '../command-spec.js';
import { formatStatsLine, formatStatsSample } from '../format/stats-text.js';
import { emit, follow } from './emit.js';

export const statsCommand: CommandSpec = {
  path: ['stats'],
  synopsis: '[--follow]',
  summary: 'traffic, rates, handshake age, latency, jitter and loss; --follow prints about two lines a second',
  options: { follow: { type: 'boolean', short: 'f' } },
  positionals: { names: [], min: 0 },
  run: async (context) => {
    if (context.options.follow !== true) {
      const sample = await context.client.call('stats.get');
      return emit(context, sample, () => formatStatsSample(sample));
    }
    return follow(context, ['stats'], (event) => {
      if (event.event !== 'stats') return;
      context.io.stdout(context.json ? `${JSON.stringify(event.data)}\n` : formatStatsLine(event.data));
    });
  },
};
