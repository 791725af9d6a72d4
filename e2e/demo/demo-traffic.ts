// Traffic for the demo's charts: iperf3 runs through the tunnel with changing rates and directions, retried while the
// tunnel is down (before Connect, after Disconnect), so the charts move whenever Ferry is connected.
import { LAB } from '../lab/addressing.js';
import { sleep } from '../lab/exec.js';
import type { Lab } from '../lab/lab.js';
import type { TrackedProcess } from '../lab/processes.js';
import { startIperfServer } from '../bench/iperf.js';

/** One step of the pattern: seconds, bitrate, and whether the server sends (download) or the client (upload). */
const PATTERN: { seconds: number; bitrate: string; download: boolean }[] = [
  { seconds: 6, bitrate: '24M', download: true },
  { seconds: 4, bitrate: '6M', download: true },
  { seconds: 5, bitrate: '40M', download: true },
  { seconds: 4, bitrate: '8M', download: false },
  { seconds: 6, bitrate: '16M', download: true },
  { seconds: 3, bitrate: '2M', download: true },
];
const RETRY_MS = 1_500;

export class DemoTraffic {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private current: TrackedProcess | null = null;

  constructor(private readonly lab: Lab) {}

  /** Starts the iperf3 server on the demo server's tunnel address and the client loop in the client namespace. */
  async start(): Promise<void> {
    await startIperfServer(this.lab);
    this.loop = this.run();
  }

  /** Ends the run in progress (by PID) and the loop. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.current?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    for (let step = 0; !this.stopped; step++) {
      const { seconds, bitrate, download } = PATTERN[step % PATTERN.length] ?? { seconds: 5, bitrate: '10M', download: true };
      const args = ['-c', LAB.tunnel.serverV4, '-t', String(seconds), '-b', bitrate, '--connect-timeout', '1000', ...(download ? ['-R'] : [])];
      this.current = this.lab.spawn('client', 'iperf3', args);
      const code = await this.current.exited;
      this.current = null;
      // Without a tunnel iperf3 fails at once: wait a little before the next try.
      if (!this.stopped && code !== 0) await sleep(RETRY_MS);
    }
  }
}
