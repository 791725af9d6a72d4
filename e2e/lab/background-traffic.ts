// What a leak test keeps sending from the client during every transition: TCP, UDP, DNS to a non-tunnel resolver, ICMP, all over IPv4 and IPv6.
import { LAB } from './addressing.js';
import type { Lab } from './lab.js';
import { spawnTool } from './lab-topology.js';
import type { PingMonitor, PingSummary } from './ping.js';
import type { TrackedProcess } from './processes.js';

/** The resolver the client namespace's resolv.conf names before Ferry changes it (not the profile's). */
export const OUTSIDE_RESOLVER = { v4: '198.18.0.53', v6: 'fd18::53' } as const;

export const LEAK_TARGETS = [
  `tcp:${LAB.serviceV4}:${LAB.whoamiPort}`,
  `udp:${LAB.serviceV4}:${LAB.whoamiPort}`,
  `dns-udp:${OUTSIDE_RESOLVER.v4}:53`,
  `dns-tcp:${OUTSIDE_RESOLVER.v4}:53`,
  `tcp:[${LAB.serviceV6}]:${LAB.whoamiPort}`,
  `udp:[${LAB.serviceV6}]:${LAB.whoamiPort}`,
  `dns-udp:[${OUTSIDE_RESOLVER.v6}]:53`,
  // Unmarked UDP to the very endpoint and port Ferry uses: only Ferry's socket mark may pass there.
  `udp:${LAB.server.v4}:${LAB.wireguardPort}`,
];

export interface TrafficReport {
  attempts: Record<string, number>;
  answered: Record<string, number>;
  pingV4: PingSummary;
  pingV6: PingSummary;
}

export class BackgroundTraffic {
  private constructor(
    private readonly sender: TrackedProcess,
    private readonly pingV4: PingMonitor,
    private readonly pingV6: PingMonitor,
  ) {}

  /** Starts the sender (every `intervalMs`, each target) and two pings (20 a second each). */
  static async start(lab: Lab, targets: readonly string[] = LEAK_TARGETS, intervalMs = 50): Promise<BackgroundTraffic> {
    const sender = await spawnTool(lab.processes, lab.ns('client'), 'leak-traffic', [String(intervalMs), ...targets]);
    return new BackgroundTraffic(sender, lab.startPing('client', LAB.serviceV4, 0.05), lab.startPing('client', LAB.serviceV6, 0.05));
  }

  async stop(): Promise<TrafficReport> {
    await this.sender.stop('SIGTERM', 3_000);
    const line = this.sender.output().split('\n').find((text) => text.startsWith('{')) ?? '{"attempts":{},"answered":{}}';
    const { attempts, answered } = JSON.parse(line) as Pick<TrafficReport, 'attempts' | 'answered'>;
    return { attempts, answered, pingV4: await this.pingV4.stop(), pingV6: await this.pingV6.stop() };
  }
}
