// Measures latency inside the tunnel: echo requests built by ferryd, replies taken out before the TUN device sees them.
import { RingBuffer } from '../../../shared/src/collections/ring-buffer.js';
import { sameBytes } from '../../../shared/src/net/cidr.js';
import type { Clock } from '../time/clock.js';
import type { Random } from '../wireguard/random.js';
import { buildEchoRequest, parseEchoReply } from './icmp-echo.js';
import type { LatencyReading } from './traffic-sampler.js';

export interface ProbeAddresses {
  /** The tunnel's own address of the target's family. */
  source: Uint8Array;
  destination: Uint8Array;
}

export interface LatencyProberOptions {
  /** How many probes the figures cover (one a second: the last 30 s). */
  windowSize?: number;
  /** A probe unanswered this long counts as lost. */
  timeoutMs?: number;
}

const PAYLOAD = new TextEncoder().encode('ferry-latency-probe');

type Outcome = { rttMs: number } | { lost: true };

export class LatencyProber {
  readonly identifier: number;
  private sequence = 0;
  private readonly outstanding = new Map<number, number>();
  private readonly outcomes: RingBuffer<Outcome>;
  private readonly timeoutMs: number;
  private lastRttMs: number | null = null;

  constructor(
    private readonly addresses: ProbeAddresses,
    private readonly clock: Clock,
    random: Random,
    options: LatencyProberOptions = {},
  ) {
    this.identifier = random.uint32() & 0xffff;
    this.outcomes = new RingBuffer(options.windowSize ?? 30);
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  /** The next echo request to send into the tunnel; probes older than the timeout are counted lost first. */
  nextProbe(): Uint8Array {
    this.expire();
    this.sequence = (this.sequence + 1) & 0xffff;
    this.outstanding.set(this.sequence, this.clock.nowMs());
    return buildEchoRequest(this.addresses.source, this.addresses.destination, this.identifier, this.sequence, PAYLOAD);
  }

  /** True when `packet` answers one of our probes (the caller then drops it instead of writing it to the TUN). */
  takeReply(packet: Uint8Array): boolean {
    const reply = parseEchoReply(packet);
    if (!reply || reply.identifier !== this.identifier || !sameBytes(reply.source, this.addresses.destination)) return false;
    const sentAtMs = this.outstanding.get(reply.sequence);
    if (sentAtMs === undefined) return true; // ours, but late (already counted lost) or duplicated
    this.outstanding.delete(reply.sequence);
    this.lastRttMs = this.clock.nowMs() - sentAtMs;
    this.outcomes.push({ rttMs: this.lastRttMs });
    return true;
  }

  /** Latest RTT, jitter as the mean deviation of the window's RTTs, and the window's loss. */
  reading(): LatencyReading {
    this.expire();
    const outcomes = this.outcomes.toArray();
    const rtts = outcomes.flatMap((outcome) => ('rttMs' in outcome ? [outcome.rttMs] : []));
    const lost = outcomes.length - rtts.length;
    const mean = rtts.reduce((sum, rtt) => sum + rtt, 0) / (rtts.length || 1);
    return {
      latencyMs: rtts.length > 0 ? this.lastRttMs : null,
      jitterMs: rtts.length > 1 ? rtts.reduce((sum, rtt) => sum + Math.abs(rtt - mean), 0) / rtts.length : null,
      lossPercent: outcomes.length > 0 ? (lost * 100) / outcomes.length : null,
    };
  }

  private expire(): void {
    const nowMs = this.clock.nowMs();
    for (const [sequence, sentAtMs] of this.outstanding) {
      if (nowMs - sentAtMs < this.timeoutMs) continue;
      this.outstanding.delete(sequence);
      this.outcomes.push({ lost: true });
    }
  }
}
