// The block ferryd wants for each connection state × settings × profile, table-driven (issue 4).
import { describe, expect, it } from 'vitest';
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { excludeCidrs, formatCidr, parseCidr, type Cidr } from '../../../shared/src/net/cidr.js';
import type { ConnectionState } from '../../../shared/src/protocol/state.js';
import type { FirewallPolicy } from '../platform/firewall.js';
import {
  firewallPolicy,
  killSwitchApplies,
  needsFirewallMark,
  profileFirewallFacts,
  samePolicy,
  type FirewallSettings,
  type ProfileFirewallFacts,
} from './firewall-policy.js';

const fullTunnel: ProfileFirewallFacts = {
  interfaceName: 'ferry0',
  fullTunnel: true,
  tunnelsIpv6: false,
  endpoints: [{ address: '198.51.100.7', port: 51820 }],
  fwmark: 51820,
  dnsServers: ['10.64.0.1'],
};
const splitTunnel: ProfileFirewallFacts = { ...fullTunnel, fullTunnel: false };

const auto: FirewallSettings = { killSwitch: 'auto', lockdown: false, allowLan: false };
const on: FirewallSettings = { ...auto, killSwitch: 'on' };
const off: FirewallSettings = { ...auto, killSwitch: 'off' };
const lockdown: FirewallSettings = { ...off, lockdown: true };

const killSwitch: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ferry0',
  endpoints: [{ address: '198.51.100.7', port: 51820 }],
  fwmark: 51820,
  allowLan: false,
  tunnelsIpv6: false,
  dnsServers: ['10.64.0.1'],
};
const lockdownWithTunnel: FirewallPolicy = { ...killSwitch, reason: 'lockdown' };
const lockdownAlone: FirewallPolicy = {
  reason: 'lockdown',
  tunnelInterface: null,
  endpoints: [],
  fwmark: null,
  allowLan: false,
  tunnelsIpv6: false,
  dnsServers: [],
};

const WANTED: ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'disconnecting', 'error'];

describe('firewallPolicy', () => {
  const table: [string, ConnectionState[], FirewallSettings, ProfileFirewallFacts | null, FirewallPolicy | null][] = [
    ['disconnected, no lockdown: no table', ['disconnected'], on, null, null],
    ['disconnected with a profile still known: no table', ['disconnected'], on, fullTunnel, null],
    ['disconnected in lockdown: everything but LAN/link blocked', ['disconnected'], lockdown, null, lockdownAlone],
    ['a full tunnel with killSwitch auto', WANTED, auto, fullTunnel, killSwitch],
    ['a full tunnel with killSwitch on', WANTED, on, fullTunnel, killSwitch],
    ['a full tunnel with killSwitch off', WANTED, off, fullTunnel, null],
    ['a split tunnel with killSwitch auto', WANTED, auto, splitTunnel, null],
    ['a split tunnel with killSwitch on', WANTED, on, splitTunnel, killSwitch],
    ['lockdown while a tunnel is wanted (even with killSwitch off)', WANTED, lockdown, splitTunnel, lockdownWithTunnel],
    ['lockdown before the profile facts are known', WANTED, lockdown, null, lockdownAlone],
    ['no facts and no lockdown: nothing to protect yet', WANTED, on, null, null],
  ];

  it.each(table)('%s', (_name, states, settings, facts, expected) => {
    for (const state of states) expect(firewallPolicy(state, settings, facts)).toEqual(expected);
  });

  it('carries Allow LAN, IPv6 and the DNS servers of the profile', () => {
    const facts = { ...fullTunnel, tunnelsIpv6: true, dnsServers: ['10.64.0.1', 'fd00::1'] };
    expect(firewallPolicy('connected', { ...auto, allowLan: true }, facts)).toEqual({
      ...killSwitch,
      allowLan: true,
      tunnelsIpv6: true,
      dnsServers: ['10.64.0.1', 'fd00::1'],
    });
    expect(firewallPolicy('disconnected', { ...lockdown, allowLan: true }, null)).toEqual({ ...lockdownAlone, allowLan: true });
  });

  it('lets no endpoint through when the socket has no mark (the firewall cannot tell Ferry apart)', () => {
    expect(firewallPolicy('connecting', on, { ...splitTunnel, fwmark: null })).toEqual({ ...killSwitch, endpoints: [], fwmark: null });
  });
});

describe('killSwitchApplies / needsFirewallMark', () => {
  it.each([
    [auto, fullTunnel, true, true],
    [auto, splitTunnel, false, false],
    [on, splitTunnel, true, true],
    [off, fullTunnel, false, false],
    [lockdown, splitTunnel, false, true],
  ] as const)('%o with full tunnel %s', (settings, facts, applies, mark) => {
    expect(killSwitchApplies(settings, facts)).toBe(applies);
    expect(needsFirewallMark(settings, facts)).toBe(mark);
  });
});

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.cidr;
}

function config(allowedIps: string[], extra: Partial<WgQuickConfig['interface']> = {}): WgQuickConfig {
  return {
    interface: { addresses: ['10.64.0.2/32'], dns: ['10.64.0.1'], dnsSearch: ['corp'], preUp: [], postUp: [], preDown: [], postDown: [], ...extra },
    peers: [{ publicKey: 'k', allowedIps }],
  };
}

describe('profileFirewallFacts', () => {
  const connection = { interfaceName: 'ferry0', endpoints: [{ address: '198.51.100.7', port: 51820 }], fwmark: 51820 };

  it.each([
    ['IPv4 full tunnel', ['0.0.0.0/0'], {}, true, false],
    ['IPv4 + IPv6 full tunnel', ['0.0.0.0/0', '::/0'], {}, true, true],
    ['IPv6-only full tunnel', ['::/0'], {}, true, true],
    ['split tunnel with an IPv6 prefix', ['10.0.0.0/8', 'fd00::/64'], {}, false, true],
    ['Table = off never counts as a full tunnel', ['0.0.0.0/0'], { table: { kind: 'off' } as const }, false, false],
  ])('%s', (_name, allowedIps, extra, full, ipv6) => {
    expect(profileFirewallFacts(config(allowedIps, extra), connection)).toEqual({
      ...connection,
      fullTunnel: full,
      tunnelsIpv6: ipv6,
      dnsServers: ['10.64.0.1'],
    });
  });

  // What the Routes page's "exclude private networks" writes: the default route minus the LAN ranges and the server.
  const complement = (base: string, holes: string[]): string[] =>
    excludeCidrs([cidr(base)], holes.map(cidr)).map(formatCidr);
  const LAN_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '224.0.0.0/4', '255.255.255.255/32'];
  const LAN_V6 = ['fc00::/7', 'fe80::/10', 'ff00::/8'];

  it.each([
    ['IPv4', '0.0.0.0/0', LAN_V4, { address: '203.0.114.7', port: 51820 }, '203.0.114.7/32', '8.8.8.0/24'],
    ['IPv6', '::/0', LAN_V6, { address: '2a01:4f8::7', port: 51820 }, '2a01:4f8::7/128', '2a00::/16'],
  ])('%s: everything but private networks and the server counts as a full tunnel; a public hole does not', (_family, base, lan, endpoint, server, publicHole) => {
    const withServer = { ...connection, endpoints: [endpoint] };
    expect(profileFirewallFacts(config(complement(base, [...lan, server])), withServer).fullTunnel).toBe(true);
    expect(profileFirewallFacts(config(complement(base, [...lan, server, publicHole])), withServer).fullTunnel).toBe(false);
    // The hole for the server counts only for the server's own address.
    expect(profileFirewallFacts(config(complement(base, [...lan, server])), connection).fullTunnel).toBe(false);
  });
});

describe('samePolicy', () => {
  it('compares every field, endpoints and DNS servers in order', () => {
    expect(samePolicy(null, null)).toBe(true);
    expect(samePolicy(killSwitch, null)).toBe(false);
    expect(samePolicy(killSwitch, structuredClone(killSwitch))).toBe(true);
    expect(samePolicy(killSwitch, { ...killSwitch, endpoints: [{ address: '198.51.100.8', port: 51820 }] })).toBe(false);
    expect(samePolicy(killSwitch, { ...killSwitch, allowLan: true })).toBe(false);
    expect(samePolicy(killSwitch, lockdownWithTunnel)).toBe(false);
  });
});
