// Tests of the chart data helpers: time-ordered merge without duplicates, fixed memory, columns for uPlot.
import { describe, expect, it } from 'vitest';
import { emptyStatsSample } from '../../../../shared/src/protocol/stats.js';
import { latencyColumns, MAX_KEPT_SECONDS, measuredSince, mergePoints, rateColumns, toPoint } from './stats-series.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString();
const point = (seconds: number, extra: Partial<ReturnType<typeof emptyStatsSample>> = {}) => toPoint({ ...emptyStatsSample(at(seconds)), ...extra });

describe('stats series', () => {
  it('appends in order and merges history that overlaps live samples', () => {
    const live = mergePoints([], [point(10), point(10.5)]);
    const merged = mergePoints(live, [point(8), point(9), point(10, { rxRateBps: 5 })]);
    expect(merged.map((p) => p.t - merged[0]!.t)).toEqual([0, 1, 2, 2.5]);
    expect(merged[2]?.sample.rxRateBps).toBe(5);
  });

  it('keeps only the longest window (plus margin), whatever arrives', () => {
    const many = Array.from({ length: 3000 }, (_, i) => point(i * 0.5));
    const kept = mergePoints([], many);
    const span = kept[kept.length - 1]!.t - kept[0]!.t;
    expect(span).toBeLessThanOrEqual(MAX_KEPT_SECONDS);
    expect(kept.length).toBeLessThanOrEqual(MAX_KEPT_SECONDS * 2 + 16);
  });

  it('builds rate columns and a jitter band that never goes below zero', () => {
    const points = [point(0, { rxRateBps: 100, txRateBps: 7, latencyMs: 2, jitterMs: 3 }), point(1)];
    expect(rateColumns(points).slice(1)).toEqual([[100, 0], [7, 0]]);
    expect(latencyColumns(points).slice(1, 4)).toEqual([[2, null], [0, null], [5, null]]);
  });

  it('marks loss where it rose (a probe was just lost), not for the whole window it stays in', () => {
    const losses = [0, 10, 10, 20, 20, 10, 0, 100, null];
    const points = losses.map((lossPercent, i) => point(i, { latencyMs: lossPercent === 100 ? null : 3, lossPercent }));
    expect(latencyColumns(points)[4]).toEqual([null, 10, null, 20, null, null, null, 100, null]);
  });

  it('counts only measured samples inside the window (a chart of nulls is empty)', () => {
    const unmeasured = latencyColumns([point(0), point(1), point(2)]);
    expect(measuredSince(unmeasured, 0)).toBe(0);
    const measured = latencyColumns([point(0, { latencyMs: 1 }), point(1, { latencyMs: 2 }), point(2, { lossPercent: 100 }), point(3)]);
    expect(measuredSince(measured, measured[0][1]!)).toBe(2);
  });
});
