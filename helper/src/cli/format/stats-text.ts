// Stats samples as text: a block for `ferry stats`, one line per sample for `ferry stats --follow`.
import { formatByteRate, formatBytes } from '../../../../shared/src/format/bytes.js';
import { formatAgo, formatLatency } from '../../../../shared/src/format/duration.js';
import type { StatsSample } from '../../../../shared/src/protocol/stats.js';

function latencyText(sample: StatsSample): string {
  if (sample.latencyMs === null) return 'not measured';
  const extras = [
    sample.jitterMs === null ? null : `jitter ${formatLatency(sample.jitterMs)}`,
    sample.lossPercent === null ? null : `loss ${sample.lossPercent.toFixed(1).replace(/\.0$/, '')}%`,
  ].filter((part) => part !== null);
  return `${formatLatency(sample.latencyMs)}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

export function formatStatsSample(sample: StatsSample): string {
  return [
    `received: ${formatBytes(sample.rxBytes)} in ${sample.rxPackets} packets (${formatByteRate(sample.rxRateBps)})`,
    `sent: ${formatBytes(sample.txBytes)} in ${sample.txPackets} packets (${formatByteRate(sample.txRateBps)})`,
    `latest handshake: ${sample.handshakeAgeSeconds === null ? 'none' : formatAgo(sample.handshakeAgeSeconds)}`,
    `latency: ${latencyText(sample)}`,
  ].join('\n').concat('\n');
}

/** `12:00:01  ↓ 1.2 MiB/s  ↑ 300 KiB/s  rx 10 MiB  tx 2 MiB  latency 23 ms` */
export function formatStatsLine(sample: StatsSample): string {
  const time = sample.at.slice(11, 19);
  const parts = [
    time,
    `down ${formatByteRate(sample.rxRateBps)}`,
    `up ${formatByteRate(sample.txRateBps)}`,
    `rx ${formatBytes(sample.rxBytes)}`,
    `tx ${formatBytes(sample.txBytes)}`,
    `latency ${latencyText(sample)}`,
  ];
  return `${parts.join('  ')}\n`;
}
