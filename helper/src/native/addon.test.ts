// The addon's address conversions, which the UDP wrapper relies on for endpoints.
import { describe, expect, it } from 'vitest';
import { nativeAddon } from './addon.js';

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255];

describe('nativeAddon address conversions', () => {
  it('parses IPv4 as v4-mapped IPv6 and IPv6 as is', () => {
    expect(Array.from(nativeAddon().addressParse('192.0.2.7') ?? [])).toEqual([...V4_MAPPED_PREFIX, 192, 0, 2, 7]);
    expect(Array.from(nativeAddon().addressParse('::1') ?? [])).toEqual([...new Array<number>(15).fill(0), 1]);
  });

  it('returns null for text that is not an IP literal', () => {
    for (const text of ['', 'example.com', '1.2.3.256', '[::1]', '::1%lo', '1'.repeat(100)]) {
      expect(nativeAddon().addressParse(text)).toBeNull();
    }
  });

  it('formats v4-mapped addresses as plain IPv4 and IPv6 canonically', () => {
    const format = (text: string): string => nativeAddon().addressFormat(nativeAddon().addressParse(text) as Uint8Array);
    expect(format('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(format('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
  });
});
