// The exact nft script of the kill switch and lockdown for each kind of policy (issue 4).
import { describe, expect, it } from 'vitest';
import type { FirewallPolicy } from './firewall.js';
import { firewallRuleset } from './firewall-ruleset.linux.js';
import { checkFirewallPolicy } from './firewall-validation.js';

const ND = 'icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } ip6 hoplimit 255 accept';
const DNS = 'meta l4proto { tcp, udp } th dport { 53, 853 }';
const LAN4_OUT = 'ip daddr { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, 224.0.0.0/24, 239.0.0.0/8, 255.255.255.255 } accept';
const LAN6_OUT = 'ip6 daddr { fe80::/10, fc00::/7, ff01::/16, ff02::/16, ff05::/16 } accept';
const LAN4_IN = 'ip saddr { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16 } accept';
const LAN6_IN = 'ip6 saddr { fe80::/10, fc00::/7 } accept';

const killSwitchV4: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ferry0',
  endpoints: [{ address: '198.51.100.7', port: 51820 }],
  fwmark: 51820,
  allowLan: false,
  tunnelsIpv6: false,
  dnsServers: ['10.64.0.1'],
};

function ruleset(policy: FirewallPolicy): string {
  const checked = checkFirewallPolicy(policy);
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return firewallRuleset(checked.policy);
}

/** The rules of one chain, without its `type … hook` line. */
function rules(script: string, chain: string): string[] {
  const start = script.indexOf(`\tchain ${chain} {\n`);
  const body = script.slice(start, script.indexOf('\n\t}\n', start)).split('\n').slice(2);
  return body.map((line) => line.trim());
}

describe('firewallRuleset', () => {
  it('kill switch for an IPv4-only full tunnel: the exact script', () => {
    expect(ruleset(killSwitchV4)).toBe(`add table inet ferry
delete table inet ferry
table inet ferry {
	counter dropped_output {
	}
	counter dropped_input {
	}
	counter dropped_forward {
	}
	counter dropped_dns {
	}
	chain output {
		type filter hook output priority filter; policy drop;
		oifname "lo" accept
		meta mark 51820 ip daddr 198.51.100.7 udp dport 51820 accept
		udp sport 68 udp dport 67 accept
		udp sport 546 udp dport 547 accept
		${ND}
		meta nfproto ipv6 counter name "dropped_output" drop
		${DNS} oifname "ferry0" ip daddr 10.64.0.1 accept
		${DNS} counter name "dropped_dns" drop
		oifname "ferry0" accept
		counter name "dropped_output" drop
	}
	chain input {
		type filter hook input priority filter; policy drop;
		iifname "lo" accept
		ct state established,related accept
		ip saddr 198.51.100.7 udp sport 51820 accept
		udp sport 67 udp dport 68 accept
		udp sport 547 udp dport 546 accept
		${ND}
		meta nfproto ipv6 counter name "dropped_input" drop
		iifname "ferry0" accept
		counter name "dropped_input" drop
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		meta nfproto ipv6 counter name "dropped_forward" drop
		oifname "ferry0" accept
		iifname "ferry0" ct state established,related accept
		counter name "dropped_forward" drop
	}
}
`);
  });

  it('lockdown while disconnected: the exact script, no tunnel, no endpoint, no DNS at all', () => {
    const lockdown: FirewallPolicy = { reason: 'lockdown', tunnelInterface: null, endpoints: [], fwmark: null, allowLan: false, tunnelsIpv6: false, dnsServers: [] };
    expect(ruleset(lockdown)).toBe(`add table inet ferry
delete table inet ferry
table inet ferry {
	counter dropped_output {
	}
	counter dropped_input {
	}
	counter dropped_forward {
	}
	counter dropped_dns {
	}
	chain output {
		type filter hook output priority filter; policy drop;
		oifname "lo" accept
		udp sport 68 udp dport 67 accept
		udp sport 546 udp dport 547 accept
		${ND}
		meta nfproto ipv6 counter name "dropped_output" drop
		${DNS} counter name "dropped_dns" drop
		counter name "dropped_output" drop
	}
	chain input {
		type filter hook input priority filter; policy drop;
		iifname "lo" accept
		ct state established,related accept
		udp sport 67 udp dport 68 accept
		udp sport 547 udp dport 546 accept
		${ND}
		meta nfproto ipv6 counter name "dropped_input" drop
		counter name "dropped_input" drop
	}
	chain forward {
		type filter hook forward priority filter; policy drop;
		meta nfproto ipv6 counter name "dropped_forward" drop
		counter name "dropped_forward" drop
	}
}
`);
  });

  it('a v4+v6 profile lets IPv6 through the tunnel, to a v6 endpoint and to a v6 DNS server', () => {
    const script = ruleset({
      ...killSwitchV4,
      endpoints: [{ address: '198.51.100.7', port: 51820 }, { address: '2001:DB8:0:0::7', port: 443 }],
      tunnelsIpv6: true,
      dnsServers: ['10.64.0.1', 'fd00::1', '10.64.0.2'],
    });
    expect(rules(script, 'output')).toEqual([
      'oifname "lo" accept',
      'meta mark 51820 ip daddr 198.51.100.7 udp dport 51820 accept',
      'meta mark 51820 ip6 daddr 2001:db8::7 udp dport 443 accept',
      'udp sport 68 udp dport 67 accept',
      'udp sport 546 udp dport 547 accept',
      ND,
      `${DNS} oifname "ferry0" ip daddr { 10.64.0.1, 10.64.0.2 } accept`,
      `${DNS} oifname "ferry0" ip6 daddr fd00::1 accept`,
      `${DNS} counter name "dropped_dns" drop`,
      'oifname "ferry0" accept',
      'counter name "dropped_output" drop',
    ]);
    expect(rules(script, 'input')).toContain('ip6 saddr 2001:db8::7 udp sport 443 accept');
    expect(script).not.toContain('meta nfproto ipv6');
  });

  it('an IPv6 endpoint still passes when the profile does not tunnel IPv6 (it comes before the IPv6 block)', () => {
    const output = rules(ruleset({ ...killSwitchV4, endpoints: [{ address: '2001:db8::7', port: 51820 }] }), 'output');
    expect(output.indexOf('meta mark 51820 ip6 daddr 2001:db8::7 udp dport 51820 accept')).toBeLessThan(
      output.indexOf('meta nfproto ipv6 counter name "dropped_output" drop'),
    );
  });

  it('Allow LAN on adds LAN destinations out, LAN sources in and LAN↔LAN forwarding; off adds none', () => {
    const off = ruleset({ ...killSwitchV4, tunnelsIpv6: true });
    const on = ruleset({ ...killSwitchV4, tunnelsIpv6: true, allowLan: true });
    expect(off).not.toMatch(/10\.0\.0\.0\/8|fe80::/);
    expect(rules(on, 'output').slice(-3)).toEqual([LAN4_OUT, LAN6_OUT, 'counter name "dropped_output" drop']);
    expect(rules(on, 'input').slice(-3)).toEqual([LAN4_IN, LAN6_IN, 'counter name "dropped_input" drop']);
    expect(rules(on, 'forward')).toEqual([
      'oifname "ferry0" accept',
      'iifname "ferry0" ct state established,related accept',
      `${LAN4_IN.replace(' accept', '')} ${LAN4_OUT}`,
      `${LAN6_IN.replace(' accept', '')} ${LAN6_OUT}`,
      'counter name "dropped_forward" drop',
    ]);
  });

  it('Allow LAN with an IPv4-only profile leaves IPv6 LAN blocked', () => {
    const script = ruleset({ ...killSwitchV4, allowLan: true });
    expect(rules(script, 'output')).toContain(LAN4_OUT);
    expect(script).not.toContain('fe80::/10');
  });

  it('DNS: the leak rules come before the tunnel and LAN accepts, so LAN resolvers are dropped too', () => {
    const output = rules(ruleset({ ...killSwitchV4, allowLan: true }), 'output');
    expect(output.indexOf(`${DNS} counter name "dropped_dns" drop`)).toBeLessThan(output.indexOf('oifname "ferry0" accept'));
    expect(output.indexOf(`${DNS} counter name "dropped_dns" drop`)).toBeLessThan(output.indexOf(LAN4_OUT));
  });

  it('DNS: a profile without DNS servers may resolve through the tunnel only', () => {
    const output = rules(ruleset({ ...killSwitchV4, dnsServers: [] }), 'output');
    expect(output.filter((rule) => rule.startsWith(DNS))).toEqual([`${DNS} oifname "ferry0" accept`, `${DNS} counter name "dropped_dns" drop`]);
  });

  it('DNS: an IPv4-mapped server is written as IPv4 and duplicates are merged', () => {
    const output = rules(ruleset({ ...killSwitchV4, dnsServers: ['::ffff:10.64.0.1', '10.64.0.1'] }), 'output');
    expect(output).toContain(`${DNS} oifname "ferry0" ip daddr 10.64.0.1 accept`);
  });

  it('is one transaction that replaces the table: add, delete, then the new table', () => {
    const lines = ruleset(killSwitchV4).split('\n');
    expect(lines.slice(0, 3)).toEqual(['add table inet ferry', 'delete table inet ferry', 'table inet ferry {']);
  });
});
