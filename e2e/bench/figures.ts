// The figures issue 3 asks for: one key per figure, its label, unit and the target.
export type PathName = 'ferry' | 'wireguard-go';

export const FIGURE_KEYS = [
  'tcpUp1', 'tcpDown1', 'tcpUp4', 'tcpDown4', 'pingIdleMs', 'pingLoadUpMs', 'pingLoadDownMs', 'pingSatUpMs', 'pingSatDownMs',
  'udpUpLossPercent', 'udpDownLossPercent', 'connectMs', 'cliStartMs', 'cliStartExtraCaMs', 'rssIdleMb', 'rssLoadMb', 'hwmMb',
  'cpuPerGbUp', 'cpuPerGbDown',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** One round's value per figure (missing when that step was not run). */
export type Sample = Partial<Record<FigureKey, number>>;

export interface Figure {
  label: string;
  format: (value: number) => string;
  /** Loss percentages are compared as a difference: a ratio of two small numbers (or of 0) says nothing. */
  compare: 'ratio' | 'difference';
  /** Issue 3's target, as text and as a check of Ferry's median against wireguard-go's. */
  target: { text: string; met: (ferry: number, reference: number) => boolean } | null;
}

const atLeastRatio = (min: number): Figure['target'] => ({ text: `≥ ${min.toFixed(1)}×`, met: (f, r) => f / r >= min });
const atMostRatio = (max: number): Figure['target'] => ({ text: `≤ ${max.toFixed(1)}×`, met: (f, r) => f / r <= max });
const atMost = (max: number, unit: string): Figure['target'] => ({ text: `≤ ${max} ${unit}`, met: (f) => f <= max });
const noWorse: Figure['target'] = { text: '≤ wg-go', met: (f, r) => f <= r };

const gbit = (bps: number): string => `${(bps / 1e9).toFixed(3)} Gbit/s`;
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const percent = (value: number): string => `${value.toFixed(2)} %`;
/** MB as in the targets: 10^6 bytes. */
const mb = (value: number): string => `${value.toFixed(1)} MB`;
const perGb = (value: number): string => `${value.toFixed(2)} s/GB`;

export const FIGURES: Record<FigureKey, Figure> = {
  tcpUp1: { label: 'TCP client→server, 1 stream', format: gbit, compare: 'ratio', target: atLeastRatio(1) },
  tcpDown1: { label: 'TCP server→client, 1 stream', format: gbit, compare: 'ratio', target: atLeastRatio(1) },
  tcpUp4: { label: 'TCP client→server, 4 streams', format: gbit, compare: 'ratio', target: atLeastRatio(1) },
  tcpDown4: { label: 'TCP server→client, 4 streams', format: gbit, compare: 'ratio', target: atLeastRatio(1) },
  pingIdleMs: { label: 'ping RTT median, idle', format: ms, compare: 'ratio', target: atMostRatio(1.1) },
  pingLoadUpMs: { label: 'ping RTT median, TCP 100 Mbit/s ↑', format: ms, compare: 'ratio', target: atMostRatio(1.1) },
  pingLoadDownMs: { label: 'ping RTT median, TCP 100 Mbit/s ↓', format: ms, compare: 'ratio', target: atMostRatio(1.1) },
  // With a saturating flow the ping waits in the bottleneck's queue, which is often the server's (see the note).
  pingSatUpMs: { label: 'ping RTT median, saturating TCP ↑', format: ms, compare: 'ratio', target: null },
  pingSatDownMs: { label: 'ping RTT median, saturating TCP ↓', format: ms, compare: 'ratio', target: null },
  udpUpLossPercent: { label: 'UDP 200 Mbit/s client→server loss', format: percent, compare: 'difference', target: noWorse },
  udpDownLossPercent: { label: 'UDP 200 Mbit/s server→client loss', format: percent, compare: 'difference', target: noWorse },
  connectMs: { label: 'connect: handshake done, routes in', format: (v) => `${v.toFixed(0)} ms`, compare: 'ratio', target: atMost(100, 'ms') },
  cliStartMs: { label: '  of it: CLI start-up (ferry status)', format: (v) => `${v.toFixed(0)} ms`, compare: 'ratio', target: null },
  // Node 20 parses the NODE_EXTRA_CA_CERTS file at every start (~50 ms here); only measured where it is set.
  cliStartExtraCaMs: { label: '  CLI start-up with NODE_EXTRA_CA_CERTS', format: (v) => `${v.toFixed(0)} ms`, compare: 'ratio', target: null },
  rssIdleMb: { label: 'resident memory, idle connected', format: mb, compare: 'ratio', target: atMost(60, 'MB') },
  rssLoadMb: { label: 'resident memory, under load (max)', format: mb, compare: 'ratio', target: atMost(120, 'MB') },
  hwmMb: { label: 'resident memory, peak (VmHWM)', format: mb, compare: 'ratio', target: atMost(120, 'MB') },
  cpuPerGbUp: { label: 'client CPU per GB, client→server', format: perGb, compare: 'ratio', target: atMostRatio(1) },
  cpuPerGbDown: { label: 'client CPU per GB, server→client', format: perGb, compare: 'ratio', target: atMostRatio(1) },
};
