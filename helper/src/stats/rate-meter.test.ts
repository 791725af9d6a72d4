import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter.js';

describe('RateMeter', () => {
  it('reports zero for the first reading', () => {
    expect(new RateMeter().record(0, 500)).toBe(0);
  });

  it.each([
    { name: 'steady 1000 B/s', readings: [[0, 0], [500, 500], [1000, 1000], [1500, 1500]], expected: 1000 },
    { name: 'only the window counts', readings: [[0, 0], [500, 100_000], [1000, 100_000], [2500, 100_000], [3000, 100_500]], expected: 250 },
    { name: 'a counter reset starts over', readings: [[0, 9000], [500, 9500], [1000, 100], [1500, 600]], expected: 1000 },
  ])('$name', ({ readings, expected }) => {
    const meter = new RateMeter(2000);
    let rate = 0;
    for (const [atMs, total] of readings) rate = meter.record(atMs!, total!);
    expect(rate).toBeCloseTo(expected, 6);
  });
});
