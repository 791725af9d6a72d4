// `npm run bench -- --soak`: a sustained transfer both ways with a continuous ping, then long checksummed transfers.
import { LAB } from '../lab/addressing.js';
import type { Lab } from '../lab/lab.js';
import { measureTcp } from './iperf.js';
import type { BenchPath } from './measure.js';
import { RssSampler } from './proc-stats.js';

/** Pass criteria from issue 3: no stall over 1 s, RSS at the end within 10 % of RSS after the first 10 s. */
const MAX_STALL_MS = 1_000;
const MAX_RSS_DRIFT = 0.1;
const EARLY_RSS_AT_MS = 10_000;

export interface SoakResult {
  path: string;
  seconds: number;
  bitsPerSecond: number;
  /** Lowest half-second iperf3 interval, both directions summed. */
  minIntervalBitsPerSecond: number;
  pingSent: number;
  pingReceived: number;
  /** Longest time without a ping reply (ms), ping every 100 ms. */
  maxPingGapMs: number;
  rssAt10sMb: number;
  rssEndMb: number;
  rssDrift: number;
  /** VmRSS once a second (MB), to tell a one-time heap growth from a leak. */
  rssMb: number[];
  /** Long SHA-256-checked transfers through the tunnel after the soak (each way). */
  checksumTransfers: { direction: 'up' | 'down'; bytes: number; ok: boolean; ms: number }[];
  passed: boolean;
}

function rssNear(samples: { atMs: number; rssBytes: number }[], atMs: number): number {
  const after = samples.find((s) => s.atMs >= atMs) ?? samples[samples.length - 1];
  return (after?.rssBytes ?? Number.NaN) / 1e6;
}

/** Runs iperf3 --bidir for `seconds` with ping every 100 ms and VmRSS every second, then the checksum transfers. */
export async function soak(lab: Lab, path: BenchPath, seconds: number, checksumBytes: number): Promise<SoakResult> {
  const rss = new RssSampler(path.pid(), 1_000);
  const ping = lab.startPing(path.host, LAB.tunnel.serverV4, 0.1);
  const throughput = await measureTcp(lab, path.host, { seconds, bidir: true }).catch(async (error: unknown) => {
    await ping.stop();
    rss.stop();
    throw error;
  });
  const pings = await ping.stop();
  const memory = rss.stop();
  const checksumTransfers = [];
  for (const direction of ['up', 'down'] as const) {
    const result = await lab.tcpTransfer(path.host, 'server', LAB.tunnel.serverV4, direction, checksumBytes);
    checksumTransfers.push({ direction, bytes: checksumBytes, ...result });
  }
  const rssAt10sMb = rssNear(memory.samples, EARLY_RSS_AT_MS);
  const rssEndMb = rssNear(memory.samples, Infinity);
  const rssDrift = rssEndMb / rssAt10sMb - 1;
  const passed = pings.maxGapMs <= MAX_STALL_MS && throughput.minIntervalBitsPerSecond > 0 &&
    Math.abs(rssDrift) <= MAX_RSS_DRIFT && checksumTransfers.every((t) => t.ok);
  return {
    path: path.name, seconds, bitsPerSecond: throughput.bitsPerSecond, minIntervalBitsPerSecond: throughput.minIntervalBitsPerSecond,
    pingSent: pings.sent, pingReceived: pings.received, maxPingGapMs: pings.maxGapMs,
    rssAt10sMb, rssEndMb, rssDrift, rssMb: memory.samples.map((s) => Math.round(s.rssBytes / 1e5) / 10), checksumTransfers, passed,
  };
}

export function formatSoak(result: SoakResult): string {
  const mbit = (bps: number): string => `${(bps / 1e6).toFixed(0)} Mbit/s`;
  return [
    `soak (${result.path}, ${result.seconds} s iperf3 --bidir + ping every 100 ms): ${result.passed ? 'PASSED' : 'FAILED'}`,
    `  throughput ${mbit(result.bitsPerSecond)} (lowest 0.5 s interval ${mbit(result.minIntervalBitsPerSecond)})`,
    `  ping ${result.pingReceived}/${result.pingSent} replies, longest gap ${result.maxPingGapMs.toFixed(0)} ms (limit ${MAX_STALL_MS} ms)`,
    `  RSS after 10 s ${result.rssAt10sMb.toFixed(1)} MB, at the end ${result.rssEndMb.toFixed(1)} MB (${(result.rssDrift * 100).toFixed(1)} %, limit ±${MAX_RSS_DRIFT * 100} %)`,
    ...result.checksumTransfers.map((t) => `  ${t.bytes / 1e6} MB ${t.direction}, SHA-256 ${t.ok ? 'matches' : 'MISMATCH'} (${t.ms} ms)`),
  ].join('\n');
}
