// One bench round: every step for every path in turn (step by step, so background load drifts evenly over both).
import { LAB } from '../lab/addressing.js';
import type { Lab, LabHost } from '../lab/lab.js';
import type { FigureKey, PathName, Sample } from './figures.js';
import { measureTcp, measureUdp, type TcpRun } from './iperf.js';
import { readCpuSeconds, readMemory, RssSampler } from './proc-stats.js';
import { median } from './stats.js';

export interface BenchPath {
  name: PathName;
  host: LabHost;
  /** The client-side process that does the WireGuard work (ferryd, or the reference wireguard-go). */
  pid(): number;
}

export interface RoundSettings {
  seconds: number;
  omitSeconds: number;
  pings: number;
  udpSeconds: number;
  udpBitrate: string;
  /** Paced TCP rate for the ping-under-load figures (iperf3 -b), below what either path can carry. */
  pacedBitrate: string;
  /** Step groups to run (ping, latency, tcp1, tcp4, udp); all when empty. */
  only: readonly string[];
}

const PING_INTERVAL_SEC = 0.05;
const MB = 1e6;

interface Step {
  group: 'ping' | 'latency' | 'tcp1' | 'tcp4' | 'udp';
  label: string;
  run: (path: BenchPath, sample: Sample) => Promise<void>;
}

/** A TCP run with the client process's CPU time, its peak RSS and, optionally, a ping alongside. */
async function loadedTcp(lab: Lab, path: BenchPath, run: TcpRun, sample: Sample,
  keys: { gbit?: FigureKey; pingMs?: FigureKey; cpuPerGb?: FigureKey }): Promise<void> {
  const pid = path.pid();
  const cpuBefore = readCpuSeconds(pid);
  const rss = new RssSampler(pid);
  const ping = keys.pingMs === undefined ? null : lab.startPing(path.host, LAB.tunnel.serverV4, PING_INTERVAL_SEC);
  try {
    const result = await measureTcp(lab, path.host, run);
    const cpuSeconds = readCpuSeconds(pid) - cpuBefore;
    if (keys.gbit !== undefined) sample[keys.gbit] = result.bitsPerSecond;
    if (keys.cpuPerGb !== undefined) sample[keys.cpuPerGb] = cpuSeconds / (result.allBytes / 1e9);
  } finally {
    const pings = await ping?.stop();
    if (pings !== undefined && keys.pingMs !== undefined) sample[keys.pingMs] = median(pings.rttMs);
    sample.rssLoadMb = Math.max(sample.rssLoadMb ?? 0, rss.stop().maxRssBytes / MB);
  }
}

function steps(lab: Lab, settings: RoundSettings): Step[] {
  const tcp = (reverse: boolean, streams: number): TcpRun => ({ seconds: settings.seconds, omitSeconds: settings.omitSeconds, reverse, streams });
  return [
    { group: 'ping', label: 'idle memory and ping', run: async (path, sample) => {
      sample.rssIdleMb = readMemory(path.pid()).rssBytes / MB;
      const pings = await lab.ping(path.host, LAB.tunnel.serverV4, settings.pings, PING_INTERVAL_SEC);
      sample.pingIdleMs = median(pings.rttMs);
    } },
    { group: 'latency', label: `ping with TCP client→server at ${settings.pacedBitrate}bit/s`, run: (path, sample) =>
      loadedTcp(lab, path, { ...tcp(false, 1), bitrate: settings.pacedBitrate }, sample, { pingMs: 'pingLoadUpMs' }) },
    { group: 'latency', label: `ping with TCP server→client at ${settings.pacedBitrate}bit/s`, run: (path, sample) =>
      loadedTcp(lab, path, { ...tcp(true, 1), bitrate: settings.pacedBitrate }, sample, { pingMs: 'pingLoadDownMs' }) },
    { group: 'tcp1', label: 'TCP client→server, 1 stream, with ping', run: (path, sample) =>
      loadedTcp(lab, path, tcp(false, 1), sample, { gbit: 'tcpUp1', pingMs: 'pingSatUpMs', cpuPerGb: 'cpuPerGbUp' }) },
    { group: 'tcp1', label: 'TCP server→client, 1 stream, with ping', run: (path, sample) =>
      loadedTcp(lab, path, tcp(true, 1), sample, { gbit: 'tcpDown1', pingMs: 'pingSatDownMs', cpuPerGb: 'cpuPerGbDown' }) },
    { group: 'tcp4', label: 'TCP client→server, 4 streams', run: (path, sample) => loadedTcp(lab, path, tcp(false, 4), sample, { gbit: 'tcpUp4' }) },
    { group: 'tcp4', label: 'TCP server→client, 4 streams', run: (path, sample) => loadedTcp(lab, path, tcp(true, 4), sample, { gbit: 'tcpDown4' }) },
    { group: 'udp', label: `UDP ${settings.udpBitrate}bit/s client→server`, run: async (path, sample) => {
      sample.udpUpLossPercent = (await measureUdp(lab, path.host, settings.udpSeconds, settings.udpBitrate, false)).lostPercent;
    } },
    { group: 'udp', label: `UDP ${settings.udpBitrate}bit/s server→client`, run: async (path, sample) => {
      sample.udpDownLossPercent = (await measureUdp(lab, path.host, settings.udpSeconds, settings.udpBitrate, true)).lostPercent;
    } },
  ];
}

/** Runs every step (of the groups in `settings.only`) once per path; returns one sample per path. */
export async function measureRound(lab: Lab, paths: readonly BenchPath[], settings: RoundSettings,
  log: (line: string) => void): Promise<Map<PathName, Sample>> {
  const samples = new Map<PathName, Sample>(paths.map((p) => [p.name, {}]));
  const chosen = steps(lab, settings).filter((s) => settings.only.length === 0 || settings.only.includes(s.group));
  for (const step of chosen) {
    for (const path of paths) {
      log(`${path.name}: ${step.label}…`);
      await step.run(path, samples.get(path.name) ?? {});
    }
  }
  for (const path of paths) {
    const sample = samples.get(path.name) ?? {};
    sample.hwmMb = readMemory(path.pid()).hwmBytes / MB;
  }
  return samples;
}
