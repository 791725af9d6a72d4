import { describe, expect, it } from 'vitest';
import { excludeCidrs, formatCidr, parseCidr, type Cidr } from './cidr.js';
import { coversPublicAddressSpace, publicAddressSpace } from './public-address-space.js';

const cidrs = (...texts: string[]): Cidr[] => texts.map((text) => {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cidr;
});

/** What the Routes page's "exclude private networks" writes: the default route minus the LAN ranges and the server. */
const complement = (base: string, ...holes: string[]): Cidr[] => excludeCidrs(cidrs(base), cidrs(...holes));
const LAN_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '224.0.0.0/4', '255.255.255.255/32'];
const LAN_V6 = ['fc00::/7', 'fe80::/10', 'ff00::/8'];

describe('coversPublicAddressSpace', () => {
  it.each<[string, string[], 4 | 6, string[], boolean]>([
    ['the v4 default route', ['0.0.0.0/0'], 4, [], true],
    ['the two v4 halves', ['0.0.0.0/1', '128.0.0.0/1'], 4, [], true],
    ['one v4 half', ['0.0.0.0/1'], 4, [], false],
    ['a split tunnel', ['10.66.0.0/24', '198.18.0.0/15'], 4, [], false],
    ['the v6 default route', ['::/0'], 6, [], true],
    ['global unicast only', ['2000::/3'], 6, [], true],
    ['a v6 split tunnel', ['2001:db8::/32'], 6, [], false],
    ['v4 networks for v6', ['0.0.0.0/0'], 6, [], false],
  ])('%s (v%i)', (_what, networks, family, exempt, expected) => {
    expect(coversPublicAddressSpace(cidrs(...networks), family, cidrs(...exempt))).toBe(expected);
  });

  it('v4: the default route minus private networks and the server counts, with the server exempt', () => {
    const allowed = complement('0.0.0.0/0', ...LAN_V4, '203.0.114.7/32');
    expect(allowed.length).toBeGreaterThan(10);
    expect(coversPublicAddressSpace(allowed, 4, cidrs('203.0.114.7/32'))).toBe(true);
    // Without the exemption one public address is missing.
    expect(coversPublicAddressSpace(allowed, 4)).toBe(false);
  });

  it('v4: a public network missing is not a full tunnel', () => {
    expect(coversPublicAddressSpace(complement('0.0.0.0/0', ...LAN_V4, '8.8.8.0/24'), 4)).toBe(false);
  });

  it('v6: the default route minus private networks and the server counts, with the server exempt', () => {
    const allowed = complement('::/0', ...LAN_V6, '2a01:4f8::1/128');
    expect(coversPublicAddressSpace(allowed, 6, cidrs('2a01:4f8::1/128'))).toBe(true);
    expect(coversPublicAddressSpace(allowed, 6)).toBe(false);
    expect(coversPublicAddressSpace(complement('::/0', ...LAN_V6, '2a00::/16'), 6)).toBe(false);
  });

  it('public v4 space leaves out exactly the special-purpose ranges', () => {
    const space = publicAddressSpace(4).map(formatCidr);
    expect(space).toContain('1.0.0.0/8');
    expect(space).not.toContain('10.0.0.0/8');
    expect(coversPublicAddressSpace(cidrs('100.64.0.0/10', '127.0.0.0/8'), 4)).toBe(false);
    expect(publicAddressSpace(6).map(formatCidr)).toEqual(['2000::/3']);
  });
});
