// Samples the active tunnel twice a second, announces each sample and keeps a 1 s history ring.
import { emptyStatsSample, type StatsSample } from '../../../shared/src/protocol/stats.js';
import { RingBuffer } from '../../../shared/src/collections/ring-buffer.js';
import { TrafficSampler } from '../stats/traffic-sampler.js';
import type { Clock } from '../time/clock.js';
import type { PeerStats } from '../wireguard/device.js';
import type { LatencyReading } from '../stats/traffic-sampler.js';

export const SAMPLE_INTERVAL_MS = 500;
/** One hour at one sample a second: charts of 1, 5 and 15 minutes are always full. */
export const HISTORY_CAPACITY = 3600;

export class StatsRecorder {
  private readonly sampler: TrafficSampler;
  private readonly ring = new RingBuffer<StatsSample>(HISTORY_CAPACITY);
  private readonly listeners = new Set<(sample: StatsSample) => void>();
  private timer: NodeJS.Timeout | undefined;
  private read: (() => PeerStats[]) | null = null;
  private latency: () => LatencyReading | undefined = () => undefined;
  private lastHistoryWallMs = -Infinity;

  constructor(private readonly clock: Clock) {
    this.sampler = new TrafficSampler(clock);
  }

  /** Fresh figures while a tunnel is up (status must not lag behind a transfer that just ended), else null. */
  current(): StatsSample | null {
    return this.read ? this.takeSample(false) : null;
  }

  /** `latency`: the prober's current figures, when one runs. */
  start(read: () => PeerStats[], latency: () => LatencyReading | undefined = () => undefined): void {
    this.stop();
    this.read = read;
    this.latency = latency;
    this.ring.clear();
    this.takeSample();
    this.timer = setInterval(() => this.takeSample(), SAMPLE_INTERVAL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.read = null;
    this.sampler.reset();
  }

  /** Like current(), with zeros and nulls when no tunnel is up. */
  now(): StatsSample {
    return this.current() ?? emptyStatsSample(new Date(this.clock.wallMs()).toISOString());
  }

  history(seconds: number): StatsSample[] {
    return this.ring.newest(seconds);
  }

  onSample(listener: (sample: StatsSample) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** `periodic`: the 2 Hz tick, which announces the sample and feeds the 1 s history; on-demand reads do neither. */
  private takeSample(periodic = true): StatsSample {
    const sample = this.sampler.sample(this.read ? this.read() : [], this.latency());
    if (!periodic) return sample;
    const wallMs = this.clock.wallMs();
    if (wallMs - this.lastHistoryWallMs >= 1000 - SAMPLE_INTERVAL_MS / 2) {
      this.ring.push(sample);
      this.lastHistoryWallMs = wallMs;
    }
    for (const listener of this.listeners) listener(sample);
    return sample;
  }
}
