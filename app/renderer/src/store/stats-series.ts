// Pure helpers for the live charts: merge samples in time order with fixed memory, and turn them into uPlot columns.
import type { StatsSample } from '../../../../shared/src/protocol/stats.js';

/** The longest chart window (15 min) plus a margin, at ferryd's 2 Hz. */
export const MAX_KEPT_SECONDS = 16 * 60;
export const MAX_SAMPLES = MAX_KEPT_SECONDS * 2 + 16;

export interface StatsPoint {
  /** Seconds since the epoch (uPlot's time unit). */
  t: number;
  sample: StatsSample;
}

export function toPoint(sample: StatsSample): StatsPoint {
  return { t: Date.parse(sample.at) / 1000, sample };
}

/** Adds `incoming` to `kept` in time order without duplicates, dropping what is older than the kept span. */
export function mergePoints(kept: readonly StatsPoint[], incoming: readonly StatsPoint[]): StatsPoint[] {
  const last = kept[kept.length - 1];
  const inOrder = incoming.every((point, i) => i === 0 || point.t > (incoming[i - 1]?.t ?? -Infinity));
  let merged: StatsPoint[];
  if (last === undefined || (inOrder && (incoming[0]?.t ?? Infinity) > last.t)) merged = [...kept, ...incoming];
  else {
    const byTime = new Map<number, StatsPoint>();
    for (const point of [...kept, ...incoming]) byTime.set(point.t, point);
    merged = [...byTime.values()].sort((a, b) => a.t - b.t);
  }
  const newest = merged[merged.length - 1]?.t ?? 0;
  const firstKept = merged.findIndex((point) => point.t >= newest - MAX_KEPT_SECONDS);
  const trimmed = firstKept > 0 ? merged.slice(firstKept) : merged;
  return trimmed.length > MAX_SAMPLES ? trimmed.slice(trimmed.length - MAX_SAMPLES) : trimmed;
}

export type Columns = [number[], ...(number | null)[][]];

/** [time, download, upload] in bytes per second. */
export function rateColumns(points: readonly StatsPoint[]): Columns {
  return [points.map((p) => p.t), points.map((p) => p.sample.rxRateBps), points.map((p) => p.sample.txRateBps)];
}

/**
 * Loss marks: ferryd reports loss over a sliding window of probes, so a lost probe raises it for the whole window.
 * A mark goes where the loss rose (a probe was just found lost), with the window's loss as its height.
 */
export function lossMarks(points: readonly StatsPoint[]): (number | null)[] {
  return points.map((p, i) => {
    const loss = p.sample.lossPercent ?? 0;
    const before = points[i - 1]?.sample.lossPercent ?? 0;
    return loss > 0 && loss > before ? loss : null;
  });
}

/** [time, latency, latency − jitter, latency + jitter, loss marks] — ms, and percent for loss; null where nothing was measured. */
export function latencyColumns(points: readonly StatsPoint[]): Columns {
  const latency = points.map((p) => p.sample.latencyMs);
  const jitter = points.map((p) => p.sample.jitterMs ?? 0);
  return [
    points.map((p) => p.t),
    latency,
    latency.map((ms, i) => (ms === null ? null : Math.max(0, ms - (jitter[i] ?? 0)))),
    latency.map((ms, i) => (ms === null ? null : ms + (jitter[i] ?? 0))),
    lossMarks(points),
  ];
}

/** How many samples in [fromSeconds, ∞) have a value in any series (what makes a chart non-empty). */
export function measuredSince(data: Columns, fromSeconds: number): number {
  const series = data.slice(1) as (number | null)[][];
  return data[0].reduce((count, t, i) => (t >= fromSeconds && series.some((values) => values[i] != null) ? count + 1 : count), 0);
}
