// Where log entries are written: JSON lines for journald and files, readable text on a terminal.
import type { LogEntry } from '../../../shared/src/protocol/log.js';

export type LogSink = (entry: LogEntry) => void;

/** One JSON object per line, the form a log collector parses. */
export function formatJsonLine(entry: LogEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** ` key=value key="two words"`: fields as logfmt, each with a leading space. */
export function formatFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([key, value]) => ` ${key}=${fieldText(value)}`)
    .join('');
}

/** `12:00:01.123 INFO  message key=value …` for a person watching a terminal. */
export function formatTextLine(entry: LogEntry): string {
  const time = entry.at.slice(11, 23);
  const level = entry.level.toUpperCase().padEnd(5);
  return `${time} ${level} ${entry.message}${formatFields(entry.fields)}\n`;
}

interface TextStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** A sink on a stream (stderr by default) choosing the format by whether it is a terminal. */
export function createStreamSink(stream: TextStream = process.stderr): LogSink {
  const format = stream.isTTY ? formatTextLine : formatJsonLine;
  return (entry) => {
    stream.write(format(entry));
  };
}
