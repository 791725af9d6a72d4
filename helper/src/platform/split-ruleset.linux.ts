// The `inet ferry-split` nftables table: marks packets by socket cgroup, keeps the mark on replies, masquerades, counts (nft(8) "socket cgroupv2").
import { SPLIT_DNS_SLOT, SPLIT_MARK, SPLIT_MARK_MASK } from './split-tunnel.js';

export const SPLIT_TABLE_NAME = 'ferry-split';

export interface SplitRulesetGroup {
  name: string;
  /** Relative to /sys/fs/cgroup, as nft resolves it. */
  nftPath: string;
  level: number;
}

export interface SplitRulesetInput {
  mode: 'exclude' | 'include';
  groups: SplitRulesetGroup[];
  tunnelInterface: string | null;
  /** The tunnel's resolvers (IP literals), reached through the tunnel whatever the mode. */
  dnsServers: { v4: string[]; v6: string[] };
}

const hex = (value: number): string => `0x${value.toString(16).padStart(8, '0')}`;
export const groupMark = (index: number): number => SPLIT_MARK | (index + 1);
const IS_SPLIT = `meta mark & ${hex(SPLIT_MARK_MASK)} == ${hex(SPLIT_MARK)}`;

/** The four named counters of a group: `<group>-tunnel-tx`, `-tunnel-rx`, `-direct-tx`, `-direct-rx`. */
export const COUNTER_SUFFIXES = { tunnelTxBytes: 'tunnel-tx', tunnelRxBytes: 'tunnel-rx', directTxBytes: 'direct-tx', directRxBytes: 'direct-rx' } as const;

/** Exclude: DNS to the tunnel's resolvers is left unmarked, so it goes through the tunnel. Include: it is marked, for the same reason. */
function dnsLines(input: SplitRulesetInput): string[] {
  const action = input.mode === 'exclude' ? 'return' : `meta mark set ${hex(SPLIT_MARK | SPLIT_DNS_SLOT)}`;
  const lines: string[] = [];
  if (input.dnsServers.v4.length > 0) lines.push(`meta l4proto { tcp, udp } th dport 53 ip daddr { ${input.dnsServers.v4.join(', ')} } ${action}`);
  if (input.dnsServers.v6.length > 0) lines.push(`meta l4proto { tcp, udp } th dport 53 ip6 daddr { ${input.dnsServers.v6.join(', ')} } ${action}`);
  return lines;
}

/** A route-type chain: changing the mark here makes the kernel route the packet again with it (ip_route_me_harder). */
function outputChain(input: SplitRulesetInput): string[] {
  return [
    'type route hook output priority mangle; policy accept;',
    ...dnsLines(input),
    ...input.groups.map((group, index) => `socket cgroupv2 level ${group.level} "${group.nftPath}" meta mark set ${hex(groupMark(index))}`),
    // Packets without a full socket (TIME_WAIT ACKs, RSTs) carry their connection's mark.
    `meta mark & ${hex(SPLIT_MARK_MASK)} != ${hex(SPLIT_MARK)} ct mark & ${hex(SPLIT_MARK_MASK)} == ${hex(SPLIT_MARK)} meta mark set ct mark`,
    `${IS_SPLIT} ct mark set meta mark`,
  ];
}

/** Interfaces by path: traffic on loopback is neither tunnel nor direct. */
function pathMatch(direction: 'iifname' | 'oifname', tunnel: string | null, path: 'tunnel' | 'direct'): string | null {
  if (path === 'tunnel') return tunnel === null ? null : `${direction} "${tunnel}"`;
  return tunnel === null ? `${direction} != "lo"` : `${direction} != "${tunnel}" ${direction} != "lo"`;
}

function counterLines(input: SplitRulesetInput, direction: 'iifname' | 'oifname'): string[] {
  const suffix = direction === 'oifname' ? 'tx' : 'rx';
  return input.groups.flatMap((group, index) =>
    (['tunnel', 'direct'] as const).flatMap((path) => {
      const match = pathMatch(direction, input.tunnelInterface, path);
      return match === null ? [] : [`meta mark ${hex(groupMark(index))} ${match} counter name ${group.name}-${path}-${suffix}`];
    }),
  );
}

function chain(name: string, lines: string[]): string {
  return `\tchain ${name} {\n${lines.map((line) => `\t\t${line}\n`).join('')}\t}\n`;
}

/**
 * The whole table as one `nft -f -` transaction; the leading `table {}` + `delete table` pair replaces the
 * previous version atomically. Masquerading every split packet (except on loopback) gives it the source address
 * of the interface it finally leaves by: excluded traffic never shows the tunnel address on the LAN, and
 * include-mode traffic (whose source was picked from the main table) gets the tunnel address in the tunnel.
 */
export function splitRulesetScript(input: SplitRulesetInput): string {
  const table = `inet ${SPLIT_TABLE_NAME}`;
  const counters = input.groups.flatMap((group) => Object.values(COUNTER_SUFFIXES).map((suffix) => `\tcounter ${group.name}-${suffix} {}\n`));
  return [
    `table ${table} {}\n`,
    `delete table ${table}\n`,
    `table ${table} {\n`,
    ...counters,
    chain('output', outputChain(input)),
    // Replies carry their connection's mark before routing, so rp_filter checks them against the path they left by.
    chain('prerouting', ['type filter hook prerouting priority mangle; policy accept;', `ct mark & ${hex(SPLIT_MARK_MASK)} == ${hex(SPLIT_MARK)} meta mark set ct mark`, ...counterLines(input, 'iifname')]),
    chain('postrouting', ['type filter hook postrouting priority mangle; policy accept;', ...counterLines(input, 'oifname')]),
    chain('nat_out', ['type nat hook postrouting priority srcnat; policy accept;', `${IS_SPLIT} oifname != "lo" masquerade`]),
    '}\n',
  ].join('');
}
