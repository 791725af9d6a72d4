// iperf3 through a lab tunnel: a server in the server namespace, clients in a client namespace, results from iperf3 -J.
import { LAB } from '../lab/addressing.js';
import { waitFor } from '../lab/exec.js';
import type { Lab, LabHost } from '../lab/lab.js';
import type { TrackedProcess } from '../lab/processes.js';
import { median } from './stats.js';

export interface Throughput {
  /** Receiver-side average over the whole run (bits/s). */
  bitsPerSecond: number;
  /** Median of the 1-second intervals (bits/s): less sensitive to slow start. */
  medianIntervalBitsPerSecond: number;
  retransmits: number | null;
}

interface IperfJson {
  intervals?: { sum?: { bits_per_second?: number } }[];
  end?: { sum_received?: { bits_per_second?: number }; sum_sent?: { retransmits?: number } };
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

/** One iperf3 TCP run from `host` to the server's tunnel address; `reverse` measures server → client. */
export async function measureTcp(lab: Lab, host: LabHost, seconds: number, reverse: boolean): Promise<Throughput> {
  const args = ['-c', LAB.tunnel.serverV4, '-t', String(seconds), '-J', ...(reverse ? ['-R'] : [])];
  const result = await lab.exec(host, 'iperf3', args, { allowFailure: true, timeoutMs: (seconds + 30) * 1000 });
  const parsed = JSON.parse(result.stdout || '{}') as IperfJson;
  if (result.code !== 0 || parsed.error !== undefined) {
    throw new Error(`iperf3 ${args.join(' ')} in ${host} failed: ${parsed.error ?? result.stderr}`);
  }
  const intervals = (parsed.intervals ?? []).map((i) => i.sum?.bits_per_second ?? 0);
  return {
    bitsPerSecond: parsed.end?.sum_received?.bits_per_second ?? 0,
    medianIntervalBitsPerSecond: median(intervals),
    retransmits: parsed.end?.sum_sent?.retransmits ?? null,
  };
}
