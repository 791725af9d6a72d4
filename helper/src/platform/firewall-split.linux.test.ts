// The kill switch's exceptions for split tunnelling (issue 6): exact rules for exclude and include, and where they sit.
import { describe, expect, it } from 'vitest';
import type { FirewallPolicy } from './firewall.js';
import { firewallRuleset } from './firewall-ruleset.linux.js';
import { checkFirewallPolicy } from './firewall-validation.js';

const ND = 'icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } ip6 hoplimit 255 accept';
const DNS = 'meta l4proto { tcp, udp } th dport { 53, 853 }';
const MARKED = 'meta mark & 0xffff0000 == 0x46520000';
const UNMARKED = 'meta mark & 0xffff0000 != 0x46520000';

const killSwitch: FirewallPolicy = {
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

function rules(script: string, chain: string): string[] {
  const start = script.indexOf(`\tchain ${chain} {\n`);
  if (start < 0) return [];
  return script.slice(start, script.indexOf('\n\t}\n', start)).split('\n').slice(1).map((line) => line.trim());
}

const HEAD = [
  'type filter hook output priority filter; policy drop;',
  'oifname "lo" accept',
  'meta mark 51820 ip daddr 198.51.100.7 udp dport 51820 accept',
  'udp sport 68 udp dport 67 accept',
  'udp sport 546 udp dport 547 accept',
  ND,
];
const TAIL = [
  'meta nfproto ipv6 counter name "dropped_output" drop',
  `${DNS} oifname "ferry0" ip daddr 10.64.0.1 accept`,
  `${DNS} counter name "dropped_dns" drop`,
  'oifname "ferry0" accept',
  'counter name "dropped_output" drop',
];

describe('the block with split tunnelling', () => {
  it.each<[string, FirewallPolicy['split'], string[], string[]]>([
    ['no split', undefined, [], []],
    ['split off', null, [], []],
    // Excluded apps pass on any path and any family, their DNS included: before the IPv6 and DNS rules.
    ['exclude', { mode: 'exclude' }, [`${MARKED} accept`], []],
    // Unlisted apps pass; listed ones pass output (re-routed into the tunnel after it) and are held to the tunnel at postrouting.
    [
      'include',
      { mode: 'include' },
      [`${UNMARKED} accept`, `${MARKED} accept`],
      ['type filter hook postrouting priority filter; policy accept;', `${MARKED} oifname != "ferry0" oifname != "lo" counter name "dropped_output" drop`],
    ],
  ])('%s', (_what, split, splitRules, postrouting) => {
    const script = ruleset(split === undefined ? killSwitch : { ...killSwitch, split });
    expect(rules(script, 'output')).toEqual([...HEAD, ...splitRules, ...TAIL]);
    expect(rules(script, 'postrouting')).toEqual(postrouting);
    expect(rules(script, 'input')).not.toContain(`${MARKED} accept`);
  });

  it('include in lockdown without a tunnel: listed apps may leave by no interface but loopback', () => {
    const lockdown: FirewallPolicy = { reason: 'lockdown', tunnelInterface: null, endpoints: [], fwmark: null, allowLan: false, tunnelsIpv6: false, dnsServers: [], split: { mode: 'include' } };
    expect(rules(ruleset(lockdown), 'postrouting')).toEqual([
      'type filter hook postrouting priority filter; policy accept;',
      `${MARKED} oifname != "lo" counter name "dropped_output" drop`,
    ]);
  });
});
