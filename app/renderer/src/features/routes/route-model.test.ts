// Tests of the Routes & DNS model: switches read from AllowedIPs and written back, the private-network complement,
// DNS host routes, and the checks on typed entries.
import { describe, expect, it } from 'vitest';
import { parseCidr, cidrContains } from '../../../../../shared/src/net/cidr.js';
import { parseIp } from '../../../../../shared/src/net/ip-address.js';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { checkDnsServer, checkRouteEntry, checkSearchDomain } from './route-entries.js';
import { allowedIpsOf, complementRoutes, draftFromProfile, PRIVATE_RANGES_V4 } from './route-model.js';

const KEY = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';

function profileWith(allowedIps: string[], dns: string[] = []): PublicProfile {
  return {
    name: 'P',
    interface: { publicKey: KEY, addresses: ['10.66.0.2/32'], dns, dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
    peers: [{ publicKey: KEY, hasPresharedKey: false, allowedIps, endpoint: { host: '198.18.2.2', port: 51820 } }],
  };
}

const covers = (routes: string[], address: string) => routes.some((route) => {
  const parsed = parseCidr(route);
  const ip = parseIp(address);
  return parsed.ok && ip !== null && cidrContains(parsed.cidr, ip);
});

describe('routes model', () => {
  it('reads /0 entries as full-tunnel switches and keeps the rest as custom routes', () => {
    const draft = draftFromProfile(profileWith(['0.0.0.0/0', '10.9.0.0/16', 'fd00::/64']), 0);
    expect(draft).toMatchObject({ fullV4: true, fullV6: false, excludePrivate: false, custom: ['10.9.0.0/16', 'fd00::/64'] });
  });

  it('computes "everything but the LAN and the server" and reads it back as switches', () => {
    const profile = profileWith([]);
    const routes = complementRoutes(4, profile.peers[0]);
    for (const inside of ['1.1.1.1', '100.64.0.1', '198.18.0.1', '223.255.255.254']) expect(covers(routes, inside), inside).toBe(true);
    for (const outside of ['10.1.2.3', '172.16.5.5', '192.168.1.1', '169.254.1.1', '224.0.0.251', '198.18.2.2']) expect(covers(routes, outside), outside).toBe(false);
    const draft = { fullV4: true, fullV6: true, excludePrivate: true, custom: ['10.66.0.0/24'], dns: [], dnsSearch: [] };
    const allowed = allowedIpsOf(draft, profile.peers[0]);
    expect(covers(allowed, 'fd00::1')).toBe(false);
    expect(covers(allowed, '2001:db8::1')).toBe(true);
    expect(draftFromProfile(profileWith(allowed), 0)).toEqual(draft);
  });

  it('keeps private DNS servers inside the tunnel with host routes, without showing them as custom routes', () => {
    const draft = { fullV4: true, fullV6: false, excludePrivate: true, custom: [], dns: ['10.64.0.1', '9.9.9.9'], dnsSearch: [] };
    const profile = profileWith([], draft.dns);
    const allowed = allowedIpsOf(draft, profile.peers[0]);
    expect(allowed).toContain('10.64.0.1/32');
    expect(allowed).not.toContain('9.9.9.9/32');
    expect(draftFromProfile(profileWith(allowed, draft.dns), 0).custom).toEqual([]);
  });

  it('writes plain /0 routes without the exclusion, and nothing for a switched-off family', () => {
    const draft = { fullV4: false, fullV6: true, excludePrivate: false, custom: ['10.1.0.0/16'], dns: [], dnsSearch: [] };
    expect(allowedIpsOf(draft, undefined)).toEqual(['::/0', '10.1.0.0/16']);
    expect(PRIVATE_RANGES_V4).toContain('192.168.0.0/16');
  });
});

describe('route and DNS entries', () => {
  it('accepts networks and single addresses, refusing host bits, /0, duplicates and garbage', () => {
    expect(checkRouteEntry(' 10.1.0.0/16 ', [])).toEqual({ ok: true, value: '10.1.0.0/16' });
    expect(checkRouteEntry('192.0.2.7', [])).toEqual({ ok: true, value: '192.0.2.7/32' });
    expect(checkRouteEntry('10.1.2.3/16', [])).toEqual({ ok: false, problem: '10.1.2.3/16 has host bits set: did you mean 10.1.0.0/16?' });
    expect(checkRouteEntry('::/0', [])).toMatchObject({ ok: false, problem: expect.stringContaining('Send all IPv6 traffic') });
    expect(checkRouteEntry('10.1.0.0/16', ['10.1.0.0/16'])).toMatchObject({ ok: false });
    expect(checkRouteEntry('10.1.0.0/33', [])).toMatchObject({ ok: false });
  });

  it('accepts DNS servers as canonical addresses and search domains as names', () => {
    expect(checkDnsServer('FD00:0::1', [])).toEqual({ ok: true, value: 'fd00::1' });
    expect(checkDnsServer('10.0.0.300', [])).toMatchObject({ ok: false });
    expect(checkSearchDomain('Corp.Example.', [])).toEqual({ ok: true, value: 'corp.example' });
    expect(checkSearchDomain('not a domain', [])).toMatchObject({ ok: false });
  });
});
