// The kill switch / lockdown nftables table `inet ferry` as one `nft -f -` script that replaces the old table atomically (issue 4).
import type { CheckedAddress, CheckedFirewallPolicy } from './firewall-validation.js';
import { SPLIT_MARK, SPLIT_MARK_MASK } from './split-tunnel.js';

export const FIREWALL_TABLE_FAMILY = 'inet';
export const FIREWALL_TABLE_NAME = 'ferry';

/** Named counters of the drop rules, by the field of FirewallCounters they feed. */
export const DROP_COUNTER_NAMES = {
  outbound: 'dropped_output',
  inbound: 'dropped_input',
  forwarded: 'dropped_forward',
  dns: 'dropped_dns',
} as const;

/** Where LAN traffic may go with Allow LAN: private and link-local unicast, broadcast, link/site-scope multicast. */
const LAN_DESTINATIONS: Record<4 | 6, string[]> = {
  4: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '224.0.0.0/24', '239.0.0.0/8', '255.255.255.255'],
  6: ['fe80::/10', 'fc00::/7', 'ff01::/16', 'ff02::/16', 'ff05::/16'],
};
/** Where LAN traffic may come from: unicast only (nobody sends from a multicast address). */
const LAN_SOURCES: Record<4 | 6, string[]> = {
  4: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'],
  6: ['fe80::/10', 'fc00::/7'],
};

const DNS_MATCH = 'meta l4proto { tcp, udp } th dport { 53, 853 }';
/** Router solicitation/advertisement, neighbour solicitation/advertisement; a genuine one has hop limit 255 (RFC 4861). */
const NEIGHBOUR_DISCOVERY = 'icmpv6 type { nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } ip6 hoplimit 255 accept';

const ip = (family: 4 | 6): string => (family === 4 ? 'ip' : 'ip6');
const anonymousSet = (items: string[]): string => (items.length === 1 ? (items[0] ?? '') : `{ ${items.join(', ')} }`);
const countedDrop = (counter: string): string => `counter name "${counter}" drop`;

/** The families whose traffic the policy can let through at all. */
function families(policy: CheckedFirewallPolicy): (4 | 6)[] {
  return policy.tunnelsIpv6 ? [4, 6] : [4];
}

function addressesOf(addresses: CheckedAddress[], family: 4 | 6): string[] {
  return addresses.filter((item) => item.family === family).map((item) => item.address);
}

/** Ferry's own UDP, known by its socket's mark; IPv6 endpoints pass even when IPv6 is not tunnelled. */
function endpointRules(policy: CheckedFirewallPolicy, direction: 'out' | 'in'): string[] {
  if (policy.fwmark === null) return [];
  return policy.endpoints.map(({ family, address, port }) =>
    direction === 'out'
      ? `meta mark ${policy.fwmark} ${ip(family)} daddr ${address} udp dport ${port} accept`
      : `${ip(family)} saddr ${address} udp sport ${port} accept`,
  );
}

/** What keeps the link itself alive: DHCP (v4, v6) and neighbour discovery. */
function linkRules(direction: 'out' | 'in'): string[] {
  const [client4, server4, client6, server6] = [68, 67, 546, 547];
  return direction === 'out'
    ? [`udp sport ${client4} udp dport ${server4} accept`, `udp sport ${client6} udp dport ${server6} accept`, NEIGHBOUR_DISCOVERY]
    : [`udp sport ${server4} udp dport ${client4} accept`, `udp sport ${server6} udp dport ${client6} accept`, NEIGHBOUR_DISCOVERY];
}

function ipv6Block(policy: CheckedFirewallPolicy, counter: string): string[] {
  return policy.tunnelsIpv6 ? [] : [`meta nfproto ipv6 ${countedDrop(counter)}`];
}

/** DNS leak protection: DNS only through the tunnel (to the profile's servers when it names any). */
function dnsRules(policy: CheckedFirewallPolicy): string[] {
  const tunnel = policy.tunnelInterface;
  const allowed: string[] = [];
  if (tunnel !== null && policy.dnsServers.length === 0) allowed.push(`${DNS_MATCH} oifname "${tunnel}" accept`);
  for (const family of tunnel === null ? [] : families(policy)) {
    const servers = addressesOf(policy.dnsServers, family);
    if (servers.length > 0) allowed.push(`${DNS_MATCH} oifname "${tunnel}" ${ip(family)} daddr ${anonymousSet(servers)} accept`);
  }
  return [...allowed, `${DNS_MATCH} ${countedDrop(DROP_COUNTER_NAMES.dns)}`];
}

function lanRules(policy: CheckedFirewallPolicy, match: 'saddr' | 'daddr' | 'both'): string[] {
  if (!policy.allowLan) return [];
  return families(policy).map((family) => {
    const sources = `${ip(family)} saddr ${anonymousSet(LAN_SOURCES[family])}`;
    const destinations = `${ip(family)} daddr ${anonymousSet(LAN_DESTINATIONS[family])}`;
    const selector = match === 'saddr' ? sources : match === 'daddr' ? destinations : `${sources} ${destinations}`;
    return `${selector} accept`;
  });
}

const hex = (value: number): string => `0x${value.toString(16).padStart(8, '0')}`;

const SPLIT_MARKED = `meta mark & ${hex(SPLIT_MARK_MASK)} == ${hex(SPLIT_MARK)}`;
const NOT_SPLIT_MARKED = `meta mark & ${hex(SPLIT_MARK_MASK)} != ${hex(SPLIT_MARK)}`;

/**
 * Split tunnelling (issue 6), before the IPv6 and DNS rules. Exclude: the excluded apps' traffic (marked by
 * `inet ferry-split`) passes on any path. Include: unlisted apps' (unmarked) traffic passes; the listed apps'
 * passes here too, because `inet ferry-split` re-routes it into the tunnel only after this hook was handed the
 * old output interface (`oifname` still names it), and the postrouting chain keeps it to the tunnel instead.
 */
function splitRules(policy: CheckedFirewallPolicy): string[] {
  if (policy.split === null) return [];
  return policy.split.mode === 'exclude' ? [`${SPLIT_MARKED} accept`] : [`${NOT_SPLIT_MARKED} accept`, `${SPLIT_MARKED} accept`];
}

/** Include mode: where marked packets really leave (postrouting knows): only through the tunnel. */
function splitPostrouting(policy: CheckedFirewallPolicy): string {
  if (policy.split?.mode !== 'include') return '';
  const tunnel = policy.tunnelInterface === null ? '' : ` oifname != "${policy.tunnelInterface}"`;
  const rule = `${SPLIT_MARKED}${tunnel} oifname != "lo" ${countedDrop(DROP_COUNTER_NAMES.outbound)}`;
  return `\tchain postrouting {\n\t\ttype filter hook postrouting priority filter; policy accept;\n\t\t${rule}\n\t}\n`;
}

function outputRules(policy: CheckedFirewallPolicy): string[] {
  const counter = DROP_COUNTER_NAMES.outbound;
  return [
    'oifname "lo" accept',
    ...endpointRules(policy, 'out'),
    ...linkRules('out'),
    ...splitRules(policy),
    ...ipv6Block(policy, counter),
    ...dnsRules(policy),
    ...(policy.tunnelInterface === null ? [] : [`oifname "${policy.tunnelInterface}" accept`]),
    ...lanRules(policy, 'daddr'),
    countedDrop(counter),
  ];
}

/** Inbound replies of what was let out pass; nothing else but the tunnel, the link and (with Allow LAN) the LAN. */
function inputRules(policy: CheckedFirewallPolicy): string[] {
  const counter = DROP_COUNTER_NAMES.inbound;
  return [
    'iifname "lo" accept',
    'ct state established,related accept',
    ...endpointRules(policy, 'in'),
    ...linkRules('in'),
    ...ipv6Block(policy, counter),
    ...(policy.tunnelInterface === null ? [] : [`iifname "${policy.tunnelInterface}" accept`]),
    ...lanRules(policy, 'saddr'),
    countedDrop(counter),
  ];
}

/** Routed traffic (containers, VMs) must not bypass the block either; no blanket `established` (old flows would leak). */
function forwardRules(policy: CheckedFirewallPolicy): string[] {
  const counter = DROP_COUNTER_NAMES.forwarded;
  const tunnel = policy.tunnelInterface;
  return [
    ...ipv6Block(policy, counter),
    ...(tunnel === null ? [] : [`oifname "${tunnel}" accept`, `iifname "${tunnel}" ct state established,related accept`]),
    ...lanRules(policy, 'both'),
    countedDrop(counter),
  ];
}

function chain(name: string, hook: string, rules: string[]): string {
  const body = rules.map((rule) => `\t\t${rule}\n`).join('');
  return `\tchain ${name} {\n\t\ttype filter hook ${hook} priority filter; policy drop;\n${body}\t}\n`;
}

/**
 * The whole table in one script: `add table` + `delete table` + the new table in one nft transaction, so
 * the old block is replaced without a moment in between (and a missing table is no error). Every chain
 * ends in a counted drop; `policy drop` is only the backstop.
 */
export function firewallRuleset(policy: CheckedFirewallPolicy): string {
  const table = `${FIREWALL_TABLE_FAMILY} ${FIREWALL_TABLE_NAME}`;
  const counters = Object.values(DROP_COUNTER_NAMES).map((name) => `\tcounter ${name} {\n\t}\n`);
  return [
    `add table ${table}\n`,
    `delete table ${table}\n`,
    `table ${table} {\n`,
    ...counters,
    chain('output', 'output', outputRules(policy)),
    chain('input', 'input', inputRules(policy)),
    chain('forward', 'forward', forwardRules(policy)),
    splitPostrouting(policy),
    '}\n',
  ].join('');
}
