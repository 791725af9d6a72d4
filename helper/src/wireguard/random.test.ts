// systemRandom: floats from the pooled CSPRNG stay in [0, 1) and vary; bytes and uint32 keep their shapes.
import { describe, expect, it } from 'vitest';
import { systemRandom } from './random.js';

describe('systemRandom', () => {
  it('draws floats in [0, 1) that spread over the interval, across pool refills', () => {
    const floats = Array.from({ length: 5000 }, () => systemRandom.float());
    expect(floats.every((f) => f >= 0 && f < 1)).toBe(true);
    expect(new Set(floats).size).toBe(floats.length);
    const mean = floats.reduce((a, b) => a + b, 0) / floats.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('gives byte strings of the asked length and 32-bit integers', () => {
    expect(systemRandom.bytes(32)).toHaveLength(32);
    const value = systemRandom.uint32();
    expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
  });
});
