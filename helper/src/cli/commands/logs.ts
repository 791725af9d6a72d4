// `ferry logs [--follow] [--level LEVEL]`: ferryd's recent log, then (with --follow) new entries as they come.
import { LOG_LEVELS, logLevelRank, logLevelSchema, type LogEntry, type LogLevel } from '../../../../shared/src/protocol/log.js';
import { UsageError, type CommandContext, type CommandSpec, type OptionValues } from '../command-spec.js';
import { formatLogLine } from '../format/log-text.js';
import { emit, follow } from './emit.js';

function levelOption(options: OptionValues): LogLevel | undefined {
  const text = options.level as string | undefined;
  if (text === undefined) return undefined;
  const level = logLevelSchema.safeParse(text);
  if (!level.success) throw new UsageError(`--level must be one of ${LOG_LEVELS.join(', ')}`);
  return level.data;
}

function printEntry(context: CommandContext, entry: LogEntry): void {
  context.io.stdout(context.json ? `${JSON.stringify(entry)}\n` : formatLogLine(entry));
}

async function followLogs(context: CommandContext, level: LogLevel | undefined): Promise<number> {
  const minimum = logLevelRank(level ?? 'debug');
  const printed = new Set<string>();
  return follow(
    context,
    ['log'],
    (event) => {
      if (event.event !== 'log' || logLevelRank(event.data.level) < minimum || printed.has(JSON.stringify(event.data))) return;
      printEntry(context, event.data);
    },
    async () => {
      // The backlog is fetched after subscribing; entries seen in both are printed once.
      const { entries } = await context.client.call('logs.get', level ? { level } : {});
      for (const entry of entries) {
        printed.add(JSON.stringify(entry));
        printEntry(context, entry);
      }
    },
  );
}

export const logsCommand: CommandSpec = {
  path: ['logs'],
  synopsis: '[--follow] [--level LEVEL]',
  summary: `recent log entries of ferryd (LEVEL: ${LOG_LEVELS.join(', ')}); --follow keeps printing`,
  options: { follow: { type: 'boolean', short: 'f' }, level: { type: 'string' } },
  positionals: { names: [], min: 0 },
  check: (options) => void levelOption(options),
  run: async (context) => {
    const level = levelOption(context.options);
    if (context.options.follow === true) return followLogs(context, level);
    const result = await context.client.call('logs.get', level ? { level } : {});
    return emit(context, result, () => result.entries.map(formatLogLine).join(''));
  },
};
