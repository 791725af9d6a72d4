// Tests for CIDR parsing, containment, aggregation and exclusion.
import { describe, it, expect } from 'vitest';
import {
  aggregateCidrs, cidrContains, excludeCidrs, formatCidr, isDefaultRoute, parseCidr, parsePrefixedAddress, type Cidr,
} from './cidr.js';
import { parseIp } from './ip-address.js';

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cidr;
}

const texts = (list: Cidr[]): string[] => list.map(formatCidr);

describe('parseCidr', () => {
  const cases: { text: string; formatted: string; family: 4 | 6; hostBitsSet: boolean }[] = [
    { text: '0.0.0.0/0', formatted: '0.0.0.0/0', family: 4, hostBitsSet: false },
    { text: '10.0.0.1', formatted: '10.0.0.1/32', family: 4, hostBitsSet: false },
    { text: '10.0.0.1/24', formatted: '10.0.0.0/24', family: 4, hostBitsSet: true },
    { text: '192.168.1.255/23', formatted: '192.168.0.0/23', family: 4, hostBitsSet: true },
    { text: '172.16.0.0/12', formatted: '172.16.0.0/12', family: 4, hostBitsSet: false },
    { text: '::/0', formatted: '::/0', family: 6, hostBitsSet: false },
    { text: 'fd00::2', formatted: 'fd00::2/128', family: 6, hostBitsSet: false },
    { text: 'FD00:0:0:0::1/64', formatted: 'fd00::/64', family: 6, hostBitsSet: true },
    { text: '2001:db8:abcd:12ff::/57', formatted: '2001:db8:abcd:1280::/57', family: 6, hostBitsSet: true },
    { text: '1.2.3.4/032', formatted: '1.2.3.4/32', family: 4, hostBitsSet: false },
  ];
  it.each(cases)('$text → $formatted', ({ text, formatted, family, hostBitsSet }) => {
    const parsed = parseCidr(text);
    expect(parsed).toMatchObject({ ok: true, hostBitsSet });
    if (parsed.ok) {
      expect(formatCidr(parsed.cidr)).toBe(formatted);
      expect(parsed.cidr.family).toBe(family);
    }
  });

  const errors: { text: string; error: string }[] = [
    { text: '', error: "'' is not an IPv4 or IPv6 address" },
    { text: '10.0.0/8', error: "'10.0.0' is not an IPv4 or IPv6 address" },
    { text: '10.0.0.0/33', error: "'/33' is not a prefix length between 0 and 32" },
    { text: '::/129', error: "'/129' is not a prefix length between 0 and 128" },
    { text: '10.0.0.0/', error: "'/' is not a prefix length between 0 and 32" },
    { text: '10.0.0.0/-1', error: "'/-1' is not a prefix length between 0 and 32" },
    { text: '10.0.0.0/8/8', error: "'/8/8' is not a prefix length between 0 and 32" },
    { text: 'example.com/32', error: "'example.com' is not an IPv4 or IPv6 address" },
  ];
  it.each(errors)('rejects $text', ({ text, error }) => {
    expect(parseCidr(text)).toEqual({ ok: false, error });
  });

  it('parsePrefixedAddress keeps host bits', () => {
    const parsed = parsePrefixedAddress('10.0.0.2/24');
    expect(parsed.ok && formatCidr(parsed.value)).toBe('10.0.0.2/24');
  });
});

describe('cidrContains / isDefaultRoute', () => {
  const cases: { outer: string; inner: string; contains: boolean }[] = [
    { outer: '0.0.0.0/0', inner: '10.1.2.3/32', contains: true },
    { outer: '10.0.0.0/8', inner: '10.255.0.0/16', contains: true },
    { outer: '10.0.0.0/8', inner: '11.0.0.0/16', contains: false },
    { outer: '10.0.0.0/16', inner: '10.0.0.0/8', contains: false },
    { outer: '10.0.0.0/8', inner: '10.0.0.0/8', contains: true },
    { outer: '0.0.0.0/0', inner: '::/0', contains: false },
    { outer: '::/0', inner: '2001:db8::/32', contains: true },
    { outer: 'fc00::/7', inner: 'fd12:3456::1/128', contains: true },
    { outer: 'fc00::/7', inner: 'fe80::/10', contains: false },
  ];
  it.each(cases)('$outer ⊇ $inner: $contains', ({ outer, inner, contains }) => {
    expect(cidrContains(cidr(outer), cidr(inner))).toBe(contains);
  });

  it('accepts a bare address as inner', () => {
    expect(cidrContains(cidr('192.168.0.0/16'), parseIp('192.168.44.1') ?? new Uint8Array())).toBe(true);
    expect(cidrContains(cidr('192.168.0.0/16'), parseIp('192.169.0.1') ?? new Uint8Array())).toBe(false);
  });

  it.each([
    ['0.0.0.0/0', true],
    ['::/0', true],
    ['0.0.0.0/1', false],
    ['::/1', false],
  ] as const)('isDefaultRoute(%s) = %s', (text, expected) => {
    expect(isDefaultRoute(cidr(text))).toBe(expected);
  });
});

describe('aggregateCidrs', () => {
  const cases: { input: string[]; output: string[] }[] = [
    { input: [], output: [] },
    { input: ['10.0.0.0/9', '10.128.0.0/9'], output: ['10.0.0.0/8'] },
    { input: ['10.128.0.0/9', '10.0.0.0/9', '::/1', '8000::/1'], output: ['10.0.0.0/8', '::/0'] },
    { input: ['10.0.0.0/8', '10.1.0.0/16', '10.0.0.0/8'], output: ['10.0.0.0/8'] },
    { input: ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/1'], output: ['0.0.0.0/0'] },
    { input: ['10.0.0.1/32', '10.0.0.2/32'], output: ['10.0.0.1/32', '10.0.0.2/32'] },
    { input: ['10.0.0.0/32', '10.0.0.1/32', '10.0.0.2/31'], output: ['10.0.0.0/30'] },
  ];
  it.each(cases)('$input → $output', ({ input, output }) => {
    expect(texts(aggregateCidrs(input.map(cidr)))).toEqual(output);
  });
});

describe('excludeCidrs', () => {
  const cases: { name: string; base: string[]; exclude: string[]; output: string[] }[] = [
    { name: 'nothing excluded', base: ['0.0.0.0/0'], exclude: [], output: ['0.0.0.0/0'] },
    { name: 'everything excluded', base: ['10.0.0.0/8'], exclude: ['0.0.0.0/0'], output: [] },
    { name: 'disjoint', base: ['10.0.0.0/8'], exclude: ['192.168.0.0/16'], output: ['10.0.0.0/8'] },
    { name: 'other family', base: ['0.0.0.0/0'], exclude: ['::/0'], output: ['0.0.0.0/0'] },
    { name: 'one half', base: ['0.0.0.0/0'], exclude: ['128.0.0.0/1'], output: ['0.0.0.0/1'] },
    {
      name: 'a /2 out of /0',
      base: ['0.0.0.0/0'],
      exclude: ['64.0.0.0/2'],
      output: ['0.0.0.0/2', '128.0.0.0/1'],
    },
    {
      name: 'a host out of a /30',
      base: ['10.0.0.0/30'],
      exclude: ['10.0.0.2/32'],
      output: ['10.0.0.0/31', '10.0.0.3/32'],
    },
    {
      name: 'RFC 1918 out of the IPv4 default route',
      base: ['0.0.0.0/0'],
      exclude: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
      output: [
        '0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2',
        '128.0.0.0/3', '160.0.0.0/5', '168.0.0.0/6', '172.0.0.0/12', '172.32.0.0/11', '172.64.0.0/10',
        '172.128.0.0/9', '173.0.0.0/8', '174.0.0.0/7', '176.0.0.0/4', '192.0.0.0/9', '192.128.0.0/11',
        '192.160.0.0/13', '192.169.0.0/16', '192.170.0.0/15', '192.172.0.0/14', '192.176.0.0/12',
        '192.192.0.0/10', '193.0.0.0/8', '194.0.0.0/7', '196.0.0.0/6', '200.0.0.0/5', '208.0.0.0/4',
        '224.0.0.0/3',
      ],
    },
    {
      name: 'ULA and link-local out of the IPv6 default route',
      base: ['::/0'],
      exclude: ['fc00::/7', 'fe80::/10'],
      output: [
        '::/1', '8000::/2', 'c000::/3', 'e000::/4', 'f000::/5', 'f800::/6', 'fe00::/9', 'fec0::/10', 'ff00::/8',
      ],
    },
    {
      name: 'overlapping bases are merged first',
      base: ['10.0.0.0/9', '10.128.0.0/9', '10.1.0.0/16'],
      exclude: ['10.0.0.0/9'],
      output: ['10.128.0.0/9'],
    },
  ];
  it.each(cases)('$name', ({ base, exclude, output }) => {
    expect(texts(excludeCidrs(base.map(cidr), exclude.map(cidr)))).toEqual(output);
  });
});
