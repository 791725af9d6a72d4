// TAI64N layout, whitening and ordering (wireguard-go tai64n_test.go's table, plus a known stamp).
import { describe, expect, it } from 'vitest';
import { tai64n, tai64nAfter } from './tai64n.js';

const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('tai64n', () => {
  it('writes 2^62 + 10 + seconds big-endian and the whitened nanoseconds', () => {
    expect(toHex(tai64n(0))).toBe('400000000000000a' + '00000000');
    // 1.05 s: 50 ms = 50,000,000 ns = 0x02faf080 → low 24 bits cleared → 0x02000000.
    expect(toHex(tai64n(1050))).toBe('400000000000000b' + '02000000');
    // The stamp observed from wireguard-go in the fact sheet: 0x6b027463 − 10 seconds, 0x03000000 ns.
    const seconds = 0x6b027463 - 10;
    expect(toHex(tai64n(seconds * 1000 + 50.4))).toBe('400000006b027463' + '03000000');
  });

  // Start at 123,456,789 ns past the epoch, like wireguard-go: whitening hides steps below ~16.8 ms.
  const START_MS = 123.456789;
  it.each([
    ['10 ns', 0.00001, false],
    ['10 µs', 0.01, false],
    ['1 ms', 1, false],
    ['10 ms', 10, false],
    ['20 ms', 20, true],
  ])('after %s: later = %s', (_name, deltaMs, later) => {
    expect(tai64nAfter(tai64n(START_MS + deltaMs), tai64n(START_MS))).toBe(later);
  });

  it('is monotonic over a day of wall-clock steps and strict only across whitening steps', () => {
    let previous = tai64n(1_767_225_600_000);
    for (let ms = 1_767_225_600_000 + 17; ms < 1_767_225_600_000 + 86_400_000; ms += 997_001) {
      const next = tai64n(ms);
      expect(tai64nAfter(next, previous)).toBe(true);
      expect(tai64nAfter(previous, next)).toBe(false);
      previous = next;
    }
    expect(tai64nAfter(previous, previous)).toBe(false);
  });

  it('carries into the high word when seconds pass 2^32 − 10', () => {
    expect(toHex(tai64n((2 ** 32 - 10) * 1000))).toBe('4000000100000000' + '00000000');
  });
});
