// Reads a tunnel's peer counters into samples: totals, rates and handshake age (DESIGN.md §4 `stats`).
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { Clock } from '../time/clock.js';
import type { PeerStats } from '../wireguard/device.js';
import { RateMeter } from './rate-meter.js';

export interface LatencyReading {
  latencyMs: number | null;
  jitterMs: number | null;
  lossPercent: number | null;
}

const NO_LATENCY: LatencyReading = { latencyMs: null, jitterMs: null, lossPercent: null };

export class TrafficSampler {
  private readonly rxMeter = new RateMeter();
  private readonly txMeter = new RateMeter();

  constructor(private readonly clock: Clock) {}

  sample(peers: PeerStats[], latency: LatencyReading = NO_LATENCY): StatsSample {
    const nowMs = this.clock.nowMs();
    const wallMs = this.clock.wallMs();
    let rxBytes = 0;
    let txBytes = 0;
    let rxPackets = 0;
    let txPackets = 0;
    for (const peer of peers) {
      rxBytes += peer.rxBytes;
      txBytes += peer.txBytes;
      rxPackets += peer.rxPackets;
      txPackets += peer.txPackets;
    }
    const handshakeWallMs = lastHandshakeWallMs(peers);
    return {
      at: new Date(wallMs).toISOString(),
      rxBytes,
      txBytes,
      rxRateBps: this.rxMeter.record(nowMs, rxBytes),
      txRateBps: this.txMeter.record(nowMs, txBytes),
      rxPackets,
      txPackets,
      handshakeAgeSeconds: handshakeWallMs === null ? null : Math.max(0, (wallMs - handshakeWallMs) / 1000),
      ...latency,
    };
  }

  reset(): void {
    this.rxMeter.reset();
    this.txMeter.reset();
  }
}

/** The most recent handshake over all peers, as wall-clock milliseconds. */
export function lastHandshakeWallMs(peers: PeerStats[]): number | null {
  let latest: number | null = null;
  for (const peer of peers) {
    if (peer.lastHandshakeWallMs !== null) latest = Math.max(latest ?? 0, peer.lastHandshakeWallMs);
  }
  return latest;
}
