// Human-readable durations and ages ("1 minute, 5 seconds ago"), following wg(8)'s "latest handshake" wording.

const UNITS: readonly [seconds: number, singular: string][] = [
  [365 * 86400, 'year'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

function plural(count: number, singular: string): string {
  return `${count} ${singular}${count === 1 ? '' : 's'}`;
}

/** Whole seconds spelled out with every non-zero unit, like wg show: "1 day, 2 hours, 3 seconds". */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return '-';
  let left = Math.floor(totalSeconds);
  if (left === 0) return '0 seconds';
  const parts: string[] = [];
  for (const [size, name] of UNITS) {
    if (left >= size) {
      parts.push(plural(Math.floor(left / size), name));
      left %= size;
    }
  }
  return parts.join(', ');
}

/** The same, shortened to its two largest units for compact places: "2 hours, 3 minutes". */
export function formatDurationShort(totalSeconds: number): string {
  const full = formatDuration(totalSeconds);
  return full.split(', ').slice(0, 2).join(', ');
}

/** An age as wg show prints it: "12 seconds ago"; under a second is "just now". */
export function formatAgo(ageSeconds: number): string {
  if (!Number.isFinite(ageSeconds) || ageSeconds < 0) return '-';
  return ageSeconds < 1 ? 'just now' : `${formatDuration(ageSeconds)} ago`;
}

/** Milliseconds of latency: one decimal below 10 ms, whole numbers above ("0.4 ms", "23 ms"). */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  return ms < 10 ? `${ms.toFixed(1).replace(/\.0$/, '')} ms` : `${Math.round(ms)} ms`;
}
