// The exact `inet ferry-split` scripts for exclude and include mode, IPv4 and IPv6 resolvers, on a hybrid host.
import { describe, expect, it } from 'vitest';
import { splitRulesetScript, type SplitRulesetInput } from './split-ruleset.linux.js';

const groups: SplitRulesetInput['groups'] = [
  { name: 'r-0123456789', nftPath: 'unified/ferry-exclude/r-0123456789', level: 2 },
  { name: 'manual', nftPath: 'unified/ferry-exclude/manual', level: 2 },
];
const dnsServers = { v4: ['10.64.0.1'], v6: ['fd00::1'] };

const counters = [
  '\tcounter r-0123456789-tunnel-tx {}',
  '\tcounter r-0123456789-tunnel-rx {}',
  '\tcounter r-0123456789-direct-tx {}',
  '\tcounter r-0123456789-direct-rx {}',
  '\tcounter manual-tunnel-tx {}',
  '\tcounter manual-tunnel-rx {}',
  '\tcounter manual-direct-tx {}',
  '\tcounter manual-direct-rx {}',
];

function expected(dnsAction: string, path: (group: string) => string): string {
  return [
    'table inet ferry-split {}',
    'delete table inet ferry-split',
    'table inet ferry-split {',
    ...counters,
    '\tchain output {',
    '\t\ttype route hook output priority mangle; policy accept;',
    `\t\tmeta l4proto { tcp, udp } th dport 53 ip daddr { 10.64.0.1 } ${dnsAction}`,
    `\t\tmeta l4proto { tcp, udp } th dport 53 ip6 daddr { fd00::1 } ${dnsAction}`,
    `\t\tsocket cgroupv2 level 2 "${path('r-0123456789')}" meta mark set 0x46520001`,
    `\t\tsocket cgroupv2 level 2 "${path('manual')}" meta mark set 0x46520002`,
    '\t\tmeta mark & 0xffff0000 != 0x46520000 ct mark & 0xffff0000 == 0x46520000 meta mark set ct mark',
    '\t\tmeta mark & 0xffff0000 == 0x46520000 ct mark set meta mark',
    '\t}',
    '\tchain prerouting {',
    '\t\ttype filter hook prerouting priority mangle; policy accept;',
    '\t\tct mark & 0xffff0000 == 0x46520000 meta mark set ct mark',
    '\t\tmeta mark 0x46520001 iifname "ferry0" counter name r-0123456789-tunnel-rx',
    '\t\tmeta mark 0x46520001 iifname != "ferry0" iifname != "lo" counter name r-0123456789-direct-rx',
    '\t\tmeta mark 0x46520002 iifname "ferry0" counter name manual-tunnel-rx',
    '\t\tmeta mark 0x46520002 iifname != "ferry0" iifname != "lo" counter name manual-direct-rx',
    '\t}',
    '\tchain postrouting {',
    '\t\ttype filter hook postrouting priority mangle; policy accept;',
    '\t\tmeta mark 0x46520001 oifname "ferry0" counter name r-0123456789-tunnel-tx',
    '\t\tmeta mark 0x46520001 oifname != "ferry0" oifname != "lo" counter name r-0123456789-direct-tx',
    '\t\tmeta mark 0x46520002 oifname "ferry0" counter name manual-tunnel-tx',
    '\t\tmeta mark 0x46520002 oifname != "ferry0" oifname != "lo" counter name manual-direct-tx',
    '\t}',
    '\tchain nat_out {',
    '\t\ttype nat hook postrouting priority srcnat; policy accept;',
    '\t\tmeta mark & 0xffff0000 == 0x46520000 oifname != "lo" masquerade',
    '\t}',
    '}',
    '',
  ].join('\n');
}

describe('splitRulesetScript', () => {
  it('exclude mode: marks the groups, leaves DNS to the tunnel resolvers unmarked so it stays in the tunnel', () => {
    const script = splitRulesetScript({ mode: 'exclude', groups, tunnelInterface: 'ferry0', dnsServers });
    expect(script).toBe(expected('return', (group) => `unified/ferry-exclude/${group}`));
  });

  it('include mode: marks the groups and DNS to the tunnel resolvers (slot 0xffff), so both use the tunnel', () => {
    const includeGroups = groups.map((group) => ({ ...group, nftPath: group.nftPath.replace('exclude', 'include') }));
    const script = splitRulesetScript({ mode: 'include', groups: includeGroups, tunnelInterface: 'ferry0', dnsServers });
    expect(script).toBe(expected('meta mark set 0x4652ffff', (group) => `unified/ferry-include/${group}`));
  });

  it('without a tunnel: no DNS lines, and every non-loopback byte counts as direct', () => {
    const script = splitRulesetScript({ mode: 'exclude', groups: groups.slice(0, 1), tunnelInterface: null, dnsServers: { v4: [], v6: [] } });
    expect(script).not.toContain('dport 53');
    expect(script).not.toContain('tunnel-tx counter');
    expect(script).toContain('\t\tmeta mark 0x46520001 oifname != "lo" counter name r-0123456789-direct-tx\n');
    expect(script).toContain('\t\tmeta mark 0x46520001 iifname != "lo" counter name r-0123456789-direct-rx\n');
  });
});
