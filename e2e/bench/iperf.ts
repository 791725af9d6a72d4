// iperf3 through a lab tunnel: a server in the server namespace, clients in a client namespace, results from iperf3 -J.
import { LAB } from '../lab/addressing.js';
import { sleep, waitFor } from '../lab/exec.js';
import type { Lab, LabHost } from '../lab/lab.js';
import type { TrackedProcess } from '../lab/processes.js';
import { median } from './stats.js';

export interface Throughput {
  /** Receiver-side average over the measured time (bits/s). */
  bitsPerSecond: number;
  /** Median of the 1-second intervals (bits/s): less sensitive to slow start. */
  medianIntervalBitsPerSecond: number;
  /** Lowest 1-second interval (bits/s): a stall shows here. */
  minIntervalBitsPerSecond: number;
  /** Bytes the receiver got in the measured time. */
  bytes: number;
  /** Bytes over the whole run, slow start included: what the CPU time of the run paid for. */
  allBytes: number;
  retransmits: number | null;
}

export interface UdpResult {
  lostPercent: number;
  packets: number;
  jitterMs: number;
  bitsPerSecond: number;
}

export interface TcpRun {
  seconds: number;
  /** Server → client (iperf3 -R). */
  reverse?: boolean;
  /** Parallel streams (iperf3 -P). */
  streams?: number;
  /** Both directions at once (iperf3 --bidir); the result then sums both. */
  bidir?: boolean;
  /** Seconds of slow start left out of the figures (iperf3 -O). */
  omitSeconds?: number;
  /** A paced rate (iperf3 -b, e.g. '100M') instead of as fast as possible. */
  bitrate?: string;
}

interface IperfSum {
  bits_per_second?: number;
  bytes?: number;
  retransmits?: number;
  lost_percent?: number;
  packets?: number;
  jitter_ms?: number;
}

interface IperfJson {
  intervals?: { sum?: IperfSum & { omitted?: boolean }; sum_bidir_reverse?: IperfSum }[];
  end?: { sum_received?: IperfSum; sum_sent?: IperfSum; sum?: IperfSum; sum_received_bidir_reverse?: IperfSum };
  error?: string;
}

/** Starts `iperf3 -s` in the server namespace and waits until it listens. */
export async function startIperfServer(lab: Lab): Promise<TrackedProcess> {
  let listening = false;
  // --forceflush: iperf3 buffers its stdout when it is a pipe, hiding the "listening" line.
  const server = lab.spawn('server', 'iperf3', ['-s', '--forceflush', '-B', LAB.tunnel.serverV4], {
    onLine: (line) => (listening ||= line.includes('Server listening')),
  });
  await waitFor('iperf3 server to listen', async () => {
    if (!server.isRunning()) throw new Error(`iperf3 -s exited: ${server.output()}`);
    return listening ? true : undefined;
  }, 10_000);
  return server;
}

const BUSY_RETRIES = 10;

/** Runs one iperf3 client; retried while the server is still finishing the previous test ("server is busy"). */
async function runIperf(lab: Lab, host: LabHost, args: string[], seconds: number): Promise<IperfJson> {
  const all = ['-c', LAB.tunnel.serverV4, '-J', ...args];
  for (let attempt = 0; ; attempt++) {
    const result = await lab.exec(host, 'iperf3', all, { allowFailure: true, timeoutMs: (seconds + 30) * 1000 });
    const parsed = JSON.parse(result.stdout || '{}') as IperfJson;
    if (result.code === 0 && parsed.error === undefined) return parsed;
    if (!(parsed.error ?? '').includes('busy') || attempt >= BUSY_RETRIES) {
      throw new Error(`iperf3 ${all.join(' ')} in ${host} failed: ${parsed.error ?? result.stderr}`);
    }
    await sleep(500);
  }
}

/** One iperf3 TCP run from `host` to the server's tunnel address. */
export async function measureTcp(lab: Lab, host: LabHost, run: TcpRun): Promise<Throughput> {
  const omit = run.omitSeconds ?? 0;
  const args = ['-t', String(run.seconds), '-O', String(omit), '-P', String(run.streams ?? 1)];
  if (run.reverse === true) args.push('-R');
  if (run.bidir === true) args.push('--bidir', '-i', '0.5');
  if (run.bitrate !== undefined) args.push('-b', run.bitrate);
  const parsed = await runIperf(lab, host, args, run.seconds + omit);
  const all = parsed.intervals ?? [];
  const intervals = all.filter((i) => i.sum?.omitted !== true)
    .map((i) => (i.sum?.bits_per_second ?? 0) + (i.sum_bidir_reverse?.bits_per_second ?? 0));
  const received = parsed.end?.sum_received;
  const reverse = parsed.end?.sum_received_bidir_reverse;
  return {
    bitsPerSecond: (received?.bits_per_second ?? 0) + (reverse?.bits_per_second ?? 0),
    medianIntervalBitsPerSecond: median(intervals),
    minIntervalBitsPerSecond: intervals.length === 0 ? 0 : Math.min(...intervals),
    bytes: (received?.bytes ?? 0) + (reverse?.bytes ?? 0),
    allBytes: all.reduce((sum, i) => sum + (i.sum?.bytes ?? 0) + (i.sum_bidir_reverse?.bytes ?? 0), 0),
    retransmits: parsed.end?.sum_sent?.retransmits ?? null,
  };
}

/** UDP payload that fits the tunnel's 1420-byte MTU in one IPv4 packet (1420 − 20 − 8), so nothing fragments. */
const UDP_PAYLOAD_BYTES = 1392;

/** One iperf3 UDP run at a fixed rate; loss is what the receiving side counted. */
export async function measureUdp(lab: Lab, host: LabHost, seconds: number, bitrate: string, reverse: boolean): Promise<UdpResult> {
  const args = ['-u', '-b', bitrate, '-l', String(UDP_PAYLOAD_BYTES), '-t', String(seconds), ...(reverse ? ['-R'] : [])];
  const parsed = await runIperf(lab, host, args, seconds);
  const sum = parsed.end?.sum_received ?? parsed.end?.sum ?? {};
  return {
    lostPercent: sum.lost_percent ?? Number.NaN,
    packets: sum.packets ?? 0,
    jitterMs: sum.jitter_ms ?? Number.NaN,
    bitsPerSecond: sum.bits_per_second ?? 0,
  };
}
