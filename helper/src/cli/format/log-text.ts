// Log entries and settings as text for `ferry logs` and `ferry settings get`.
import type { LogEntry } from '../../../../shared/src/protocol/log.js';
import type { Settings } from '../../../../shared/src/protocol/settings.js';
import { formatFields } from '../../log/log-sink.js';

/** `2026-01-01 12:00:01.123 INFO  message key=value` */
export function formatLogLine(entry: LogEntry): string {
  const time = entry.at.replace('T', ' ').replace(/Z$/, '');
  return `${time} ${entry.level.toUpperCase().padEnd(5)} ${entry.message}${formatFields(entry.fields)}\n`;
}

export function formatSettingValue(value: Settings[keyof Settings]): string {
  return value === null ? 'null' : String(value);
}

/** `key = value`, one per line, keys aligned. */
export function formatSettings(settings: Settings): string {
  const entries = Object.entries(settings) as [keyof Settings, Settings[keyof Settings]][];
  const width = Math.max(...entries.map(([key]) => key.length));
  return `${entries.map(([key, value]) => `${key.padEnd(width)} = ${formatSettingValue(value)}`).join('\n')}\n`;
}
