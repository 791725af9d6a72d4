// Tests for IP literal parsing and RFC 5952 formatting.
import { describe, it, expect } from 'vitest';
import { canonicalIp, formatIp, ipFamily, parseIp } from './ip-address.js';

describe('parseIp + formatIp', () => {
  const valid: { text: string; bytes: number[]; canonical: string }[] = [
    { text: '0.0.0.0', bytes: [0, 0, 0, 0], canonical: '0.0.0.0' },
    { text: '10.64.1.2', bytes: [10, 64, 1, 2], canonical: '10.64.1.2' },
    { text: '255.255.255.255', bytes: [255, 255, 255, 255], canonical: '255.255.255.255' },
    { text: '::', bytes: new Array<number>(16).fill(0), canonical: '::' },
    { text: '::1', bytes: [...new Array<number>(15).fill(0), 1], canonical: '::1' },
    { text: '1::', bytes: [0, 1, ...new Array<number>(14).fill(0)], canonical: '1::' },
    {
      text: '2001:DB8:0:0:0:0:0:1',
      bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      canonical: '2001:db8::1',
    },
    {
      text: '2001:0db8:0000:0000:0001:0000:0000:0001',
      bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1],
      canonical: '2001:db8::1:0:0:1',
    },
    {
      text: '2001:db8:0:1:1:1:1:1',
      bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1],
      canonical: '2001:db8:0:1:1:1:1:1',
    },
    {
      text: '2001:db8:0:0:1:0:0:0',
      bytes: [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
      canonical: '2001:db8:0:0:1::',
    },
    {
      text: '::ffff:192.0.2.1',
      bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1],
      canonical: '::ffff:192.0.2.1',
    },
    {
      text: '0:0:0:0:0:ffff:c000:0201',
      bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1],
      canonical: '::ffff:192.0.2.1',
    },
    {
      text: '64:ff9b::192.0.2.33',
      bytes: [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 33],
      canonical: '64:ff9b::c000:221',
    },
    {
      text: '1:2:3:4:5:6:1.2.3.4',
      bytes: [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4],
      canonical: '1:2:3:4:5:6:102:304',
    },
    {
      text: '1:2:3:4:5:6:7::',
      bytes: [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0],
      canonical: '1:2:3:4:5:6:7:0',
    },
    {
      text: 'fe80::1:0:0:0:0',
      bytes: [0xfe, 0x80, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      canonical: 'fe80:0:0:1::',
    },
  ];
  it.each(valid)('parses $text → $canonical', ({ text, bytes, canonical }) => {
    const parsed = parseIp(text);
    expect(parsed).toEqual(Uint8Array.from(bytes));
    expect(formatIp(Uint8Array.from(bytes))).toBe(canonical);
    expect(canonicalIp(text)).toBe(canonical);
  });

  const invalid = [
    '', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.-4', '1.2.3.4 ', 'a.b.c.d', '1..2.3',
    ':', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'g::', ':1::', '::1:',
    '1.2.3.4::', '::1.2.3.4:5', '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5:6:7:8::', 'fe80::1%eth0', '[::1]',
  ];
  it.each(invalid)('rejects %j', (text) => {
    expect(parseIp(text)).toBeNull();
    expect(ipFamily(text)).toBeNull();
  });

  it.each([
    ['192.0.2.1', 4],
    ['2001:db8::1', 6],
    ['::ffff:1.2.3.4', 6],
  ] as const)('ipFamily(%s) = %d', (text, family) => {
    expect(ipFamily(text)).toBe(family);
  });

  it('refuses to format a wrong length', () => {
    expect(() => formatIp(new Uint8Array(5))).toThrow(RangeError);
  });
});
