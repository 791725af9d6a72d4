// The benchmark's report: one table on stdout (Ferry vs wireguard-go, with ratios) and the same numbers as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Throughput } from './iperf.js';
import { ratio } from './stats.js';

export interface PathResult {
  path: 'ferry' | 'wireguard-go';
  upload: Throughput;
  download: Throughput;
  pingMedianMs: number;
  pingLossPercent: number;
}

export interface BenchReport {
  when: string;
  seconds: number;
  pings: number;
  paths: PathResult[];
  /** Ferry ÷ wireguard-go (throughput: higher is better; RTT: lower is better). */
  ratios: { upload: number; download: number; pingMedian: number } | null;
}

export function buildReport(seconds: number, pings: number, paths: PathResult[]): BenchReport {
  const ferry = paths.find((p) => p.path === 'ferry');
  const reference = paths.find((p) => p.path === 'wireguard-go');
  const ratios = ferry === undefined || reference === undefined ? null : {
    upload: ratio(ferry.upload.bitsPerSecond, reference.upload.bitsPerSecond),
    download: ratio(ferry.download.bitsPerSecond, reference.download.bitsPerSecond),
    pingMedian: ratio(ferry.pingMedianMs, reference.pingMedianMs),
  };
  return { when: new Date().toISOString(), seconds, pings, paths, ratios };
}

const gbps = (bps: number): string => `${(bps / 1e9).toFixed(3)} Gbit/s`;
const ms = (value: number): string => `${value.toFixed(3)} ms`;
const times = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(2)}×`);

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
}

/** A fixed-width table: one row per measurement, one column per path, then the ratio. */
export function formatReport(report: BenchReport): string {
  const get = (path: PathResult['path']): PathResult | undefined => report.paths.find((p) => p.path === path);
  const ferry = get('ferry');
  const reference = get('wireguard-go');
  const cell = (result: PathResult | undefined, pick: (r: PathResult) => string): string => (result === undefined ? '—' : pick(result));
  const rows = [
    ['', 'Ferry', 'wireguard-go', 'Ferry ÷ wg-go'],
    [`TCP client→server (${report.seconds} s)`, cell(ferry, (r) => gbps(r.upload.bitsPerSecond)), cell(reference, (r) => gbps(r.upload.bitsPerSecond)), times(report.ratios?.upload)],
    ['  median of 1 s intervals', cell(ferry, (r) => gbps(r.upload.medianIntervalBitsPerSecond)), cell(reference, (r) => gbps(r.upload.medianIntervalBitsPerSecond)), ''],
    [`TCP server→client (${report.seconds} s)`, cell(ferry, (r) => gbps(r.download.bitsPerSecond)), cell(reference, (r) => gbps(r.download.bitsPerSecond)), times(report.ratios?.download)],
    ['  median of 1 s intervals', cell(ferry, (r) => gbps(r.download.medianIntervalBitsPerSecond)), cell(reference, (r) => gbps(r.download.medianIntervalBitsPerSecond)), ''],
    [`ping RTT median (${report.pings} pings)`, cell(ferry, (r) => ms(r.pingMedianMs)), cell(reference, (r) => ms(r.pingMedianMs)), times(report.ratios?.pingMedian)],
    ['ping loss', cell(ferry, (r) => `${r.pingLossPercent.toFixed(0)} %`), cell(reference, (r) => `${r.pingLossPercent.toFixed(0)} %`), ''],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => row(r, widths)).join('\n');
}

export function writeReport(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
