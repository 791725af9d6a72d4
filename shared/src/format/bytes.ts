// Human-readable byte counts and rates in IEC units ("1.2 MiB", "300 KiB/s"), as wg(8) and the app show them.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** One decimal below 100 units, none above; a trailing ".0" dropped: 512 B, 1.2 MiB, 12 KiB, 300 KiB. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '-';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  let text = value >= 100 ? value.toFixed(0) : value.toFixed(1);
  // Rounding can reach the next unit (1023.96 KiB → "1024 KiB"): step up instead.
  if (Number(text) >= 1024 && unit < UNITS.length - 1) {
    text = '1';
    unit++;
  }
  return `${text.replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** Bytes per second in the same units: "1.2 MiB/s". */
export function formatByteRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

const BIT_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'] as const;

/** Bytes per second as SI bits per second, the way links are rated: "9.6 Mbit/s". */
export function formatBitRate(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) return '-';
  let value = bytesPerSecond * 8;
  let unit = 0;
  while (value >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const text = unit === 0 ? Math.round(value).toString() : value >= 100 ? value.toFixed(0) : value.toFixed(1);
  return `${text.replace(/\.0$/, '')} ${BIT_UNITS[unit]}`;
}
