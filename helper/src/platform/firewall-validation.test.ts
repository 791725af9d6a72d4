// Every value of a firewall policy is checked before it can reach nft text: injection attempts are refused, addresses canonicalised.
import { describe, expect, it } from 'vitest';
import type { FirewallPolicy } from './firewall.js';
import { checkedAddress, checkFirewallPolicy } from './firewall-validation.js';

const base: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ferry0',
  endpoints: [{ address: '198.51.100.7', port: 51820 }],
  fwmark: 51820,
  allowLan: false,
  tunnelsIpv6: false,
  dnsServers: ['10.64.0.1'],
};

describe('checkFirewallPolicy', () => {
  it('accepts a sound policy and canonicalises its addresses', () => {
    const checked = checkFirewallPolicy({ ...base, endpoints: [{ address: '2001:DB8:0::1', port: 1 }], dnsServers: ['FD00:0::53'] });
    expect(checked).toEqual({
      ok: true,
      policy: { ...base, endpoints: [{ family: 6, address: '2001:db8::1', port: 1 }], dnsServers: [{ family: 6, address: 'fd00::53' }], split: null },
    });
  });

  it.each<[string, Partial<FirewallPolicy> | Record<string, unknown>, string]>([
    ['an interface name that closes the quote', { tunnelInterface: 'ferry0" accept #' }, 'tunnelInterface'],
    ['an interface name that is too long', { tunnelInterface: 'a'.repeat(16) }, 'tunnelInterface'],
    ['an endpoint address with a rule in it', { endpoints: [{ address: '1.2.3.4 accept', port: 1 }] }, 'endpoints.0.address'],
    ['an endpoint address with a newline', { endpoints: [{ address: '1.2.3.4\nflush ruleset', port: 1 }] }, 'endpoints.0.address'],
    ['a host name as endpoint', { endpoints: [{ address: 'vpn.example.com', port: 1 }] }, 'endpoints.0.address'],
    ['an IPv6 zone id', { endpoints: [{ address: 'fe80::1%eth0', port: 1 }] }, 'endpoints.0.address'],
    ['port 0', { endpoints: [{ address: '1.2.3.4', port: 0 }] }, 'endpoints.0.port'],
    ['port 65536', { endpoints: [{ address: '1.2.3.4', port: 65536 }] }, 'endpoints.0.port'],
    ['a fractional port', { endpoints: [{ address: '1.2.3.4', port: 1.5 }] }, 'endpoints.0.port'],
    ['fwmark 0 (every unmarked packet)', { fwmark: 0 }, 'fwmark'],
    ['a fwmark above 32 bits', { fwmark: 2 ** 32 }, 'fwmark'],
    ['endpoints without a fwmark', { fwmark: null }, 'fwmark'],
    ['a DNS server that is a CIDR', { dnsServers: ['10.0.0.0/8'] }, 'dnsServers.0'],
    ['an unknown reason', { reason: 'paranoia' }, 'reason'],
    ['an unknown key', { extra: 'table ip x {}' }, 'policy'],
    ['an unknown split mode', { split: { mode: 'bypass' } }, 'split.mode'],
    ['a split with more than a mode', { split: { mode: 'exclude', mark: 1 } }, 'split'],
  ])('refuses %s', (_name, change, path) => {
    const checked = checkFirewallPolicy({ ...base, ...change } as FirewallPolicy);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.some((problem) => problem.startsWith(`${path}:`))).toBe(true);
  });

  it('lets a lockdown policy without endpoints have no fwmark', () => {
    expect(checkFirewallPolicy({ ...base, endpoints: [], fwmark: null, tunnelInterface: null }).ok).toBe(true);
  });
});

describe('checkedAddress', () => {
  it.each([
    ['192.0.2.1', 4, '192.0.2.1'],
    ['::ffff:192.0.2.1', 4, '192.0.2.1'],
    ['2001:0DB8::0001', 6, '2001:db8::1'],
    ['::', 6, '::'],
  ] as const)('%s → IPv%i %s', (text, family, address) => {
    expect(checkedAddress(text)).toEqual({ family, address });
  });
});
