// The block ferryd wants for each connection state × settings × profile, table-driven (issue 4).
import { describe, expect, it } from 'vitest';
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
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
