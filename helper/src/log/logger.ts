// The structured logger of ferryd: levels, a sink, a ring buffer for logs.get and subscribers for `log` events.
import type { LogEntry, LogLevel } from '../../../shared/src/protocol/log.js';
import { logLevelRank } from '../../../shared/src/protocol/log.js';
import type { Clock } from '../time/clock.js';
import type { LogSink } from './log-sink.js';
import { RingBuffer } from '../../../shared/src/collections/ring-buffer.js';

export type LogFields = Record<string, unknown>;
export type LogListener = (entry: LogEntry) => void;

export interface LoggerOptions {
  clock: Clock;
  sink: LogSink;
  level?: LogLevel;
  /** Entries kept in memory for logs.get. */
  capacity?: number;
}

export const DEFAULT_LOG_CAPACITY = 2000;

/** Makes fields JSON-safe: errors become their message, bigints their decimal text. */
function plainFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? value.message : typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}

/** Never pass key material in fields: entries are streamed to every subscriber, including read-only users. */
export class Logger {
  private threshold: LogLevel;
  private readonly clock: Clock;
  private readonly sink: LogSink;
  private readonly buffer: RingBuffer<LogEntry>;
  private readonly listeners = new Set<LogListener>();

  constructor(options: LoggerOptions) {
    this.clock = options.clock;
    this.sink = options.sink;
    this.threshold = options.level ?? 'info';
    this.buffer = new RingBuffer(options.capacity ?? DEFAULT_LOG_CAPACITY);
  }

  get level(): LogLevel {
    return this.threshold;
  }

  setLevel(level: LogLevel): void {
    this.threshold = level;
  }

  debug(message: string, fields: LogFields = {}): void {
    this.log('debug', message, fields);
  }

  info(message: string, fields: LogFields = {}): void {
    this.log('info', message, fields);
  }

  warn(message: string, fields: LogFields = {}): void {
    this.log('warn', message, fields);
  }

  error(message: string, fields: LogFields = {}): void {
    this.log('error', message, fields);
  }

  log(level: LogLevel, message: string, fields: LogFields = {}): void {
    if (logLevelRank(level) < logLevelRank(this.threshold)) return;
    const entry: LogEntry = { at: new Date(this.clock.wallMs()).toISOString(), level, message, fields: plainFields(fields) };
    this.buffer.push(entry);
    this.sink(entry);
    for (const listener of this.listeners) {
      // A failing subscriber must not break logging or the other subscribers.
      try {
        listener(entry);
      } catch {
        /* ignored on purpose: reporting it would log again */
      }
    }
  }

  /** The newest `limit` entries at or above `minLevel`, oldest first. */
  entries(limit: number, minLevel: LogLevel = 'debug'): LogEntry[] {
    const rank = logLevelRank(minLevel);
    const kept = this.buffer.toArray().filter((entry) => logLevelRank(entry.level) >= rank);
    return limit > 0 ? kept.slice(-limit) : [];
  }

  /** Calls `listener` for every entry logged from now on; returns the unsubscribe function. */
  subscribe(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
