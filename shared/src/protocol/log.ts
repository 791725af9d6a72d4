// Log levels and the structured log entry ferryd keeps and streams (logs.get, the `log` event).
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const logLevelSchema = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof logLevelSchema>;

/** Ordering of levels: an entry is kept when its rank is at least the threshold's. */
export function logLevelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

export const logEntrySchema = z.object({
  at: z.iso.datetime({ offset: true }),
  level: logLevelSchema,
  message: z.string(),
  /** Structured context (never key material). */
  fields: z.record(z.string(), z.unknown()),
});

export type LogEntry = z.infer<typeof logEntrySchema>;
