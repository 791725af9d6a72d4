// The leak judge: nft counters of what leaves the client's physical interface, sampled together with whether Ferry's block table exists.
import { LAB, WAN_IFNAME } from './addressing.js';
import { runIn } from './exec.js';

const JUDGE_TABLE = 'ferry_lab_judge';
/** Allowed on the wire while Ferry blocks: its own (marked) UDP to the endpoint, DHCP and neighbour discovery; LAN only with Allow LAN. */
export const ALLOWED_COUNTERS = ['ferry_udp', 'link', 'lan'] as const;
/** Everything else, by what it was, so a failure says what leaked. */
export const LEAK_COUNTERS = ['leak_ipv6', 'leak_dns', 'leak_tcp', 'leak_udp', 'leak_icmp', 'leak_other'] as const;

export interface JudgeSample {
  atMs: number;
  /** Ferry's `inet ferry` table was present in this (consistent) ruleset dump. */
  ferryTable: boolean;
  counts: Record<string, number>;
}

/** The rules, first match wins (`return`), at postrouting after every other hook: what really goes out. */
function judgeRuleset(lanCidr: string): string {
  const rules = [
    `oifname != "${WAN_IFNAME}" return`,
    `meta mark != 0 ip daddr ${LAB.server.v4} udp dport ${LAB.wireguardPort} counter name ferry_udp return`,
    `meta mark != 0 ip6 daddr ${LAB.server.v6} udp dport ${LAB.wireguardPort} counter name ferry_udp return`,
    'icmpv6 type { nd-router-solicit, nd-neighbor-solicit, nd-neighbor-advert } ip6 hoplimit 255 counter name link return',
    'udp sport 68 udp dport 67 counter name link return',
    'udp sport 546 udp dport 547 counter name link return',
    `ip daddr ${lanCidr} counter name lan return`,
    'meta nfproto ipv6 counter name leak_ipv6 return',
    'meta l4proto { tcp, udp } th dport { 53, 853 } counter name leak_dns return',
    'meta l4proto tcp counter name leak_tcp return',
    'meta l4proto udp counter name leak_udp return',
    'meta l4proto icmp counter name leak_icmp return',
    'counter name leak_other',
  ];
  const counters = [...ALLOWED_COUNTERS, ...LEAK_COUNTERS].map((name) => `  counter ${name} { }`);
  const chain = ['  chain judge {', '    type filter hook postrouting priority 400; policy accept;', ...rules.map((r) => `    ${r}`), '  }'];
  return [`table inet ${JUDGE_TABLE} {`, ...counters, ...chain, '}', ''].join('\n');
}

interface NftObject {
  table?: { family: string; name: string };
  counter?: { table: string; name: string; packets: number };
}

export function leaked(sample: JudgeSample): number {
  return LEAK_COUNTERS.reduce((sum, name) => sum + (sample.counts[name] ?? 0), 0);
}

/** Counts per name between two samples. */
export function delta(from: JudgeSample, to: JudgeSample): Record<string, number> {
  const result: Record<string, number> = {};
  for (const name of [...ALLOWED_COUNTERS, ...LEAK_COUNTERS]) result[name] = (to.counts[name] ?? 0) - (from.counts[name] ?? 0);
  return result;
}

export class LeakJudge {
  private samples: JudgeSample[] = [];
  private sampling: Promise<void> | null = null;
  private stopRequested = false;

  private constructor(private readonly ns: string) {}

  /** Installs the judge in `ns` (the client); `lanCidr` is what the `lan` counter accepts. */
  static async install(ns: string, lanCidr = '192.168.77.0/24'): Promise<LeakJudge> {
    await runIn(ns, 'nft', ['-f', '-'], { input: judgeRuleset(lanCidr) });
    return new LeakJudge(ns);
  }

  /** One `nft -j list ruleset`: nft re-reads when the ruleset changed mid-dump, so table and counters agree. */
  async sample(): Promise<JudgeSample> {
    const { stdout } = await runIn(this.ns, 'nft', ['-j', 'list', 'ruleset']);
    const objects = (JSON.parse(stdout) as { nftables: NftObject[] }).nftables;
    const counts: Record<string, number> = {};
    for (const item of objects) if (item.counter?.table === JUDGE_TABLE) counts[item.counter.name] = item.counter.packets;
    const ferryTable = objects.some((item) => item.table?.family === 'inet' && item.table.name === 'ferry');
    return { atMs: Date.now(), ferryTable, counts };
  }

  /** Samples back to back in the background until stopSampling(). */
  startSampling(): void {
    this.stopRequested = false;
    this.samples = [];
    this.sampling = (async () => {
      while (!this.stopRequested) this.samples.push(await this.sample());
    })();
  }

  /** Samples so far (copied), for phase marks. */
  get count(): number {
    return this.samples.length;
  }

  async stopSampling(): Promise<JudgeSample[]> {
    this.stopRequested = true;
    await this.sampling;
    return [...this.samples];
  }

  async remove(): Promise<void> {
    await runIn(this.ns, 'nft', ['delete', 'table', 'inet', JUDGE_TABLE], { allowFailure: true });
  }
}

export interface ProtectedWindow {
  /** Index (in all samples) of the first and the last sample with Ferry's table. */
  firstIndex: number;
  lastIndex: number;
  /** Samples from the first with Ferry's table to the last with it. */
  samples: JudgeSample[];
  /** Samples inside the window without Ferry's table: must be none (a block is only ever replaced atomically). */
  gaps: number;
  leaked: Record<string, number>;
  leakedTotal: number;
}

/** The window in which Ferry's table was in force; leaks are judged between its first and last samples only. */
export function protectedWindow(samples: JudgeSample[]): ProtectedWindow {
  const first = samples.findIndex((s) => s.ferryTable);
  const last = samples.length - 1 - [...samples].reverse().findIndex((s) => s.ferryTable);
  if (first < 0) throw new Error('Ferry\'s table was never seen');
  const window = samples.slice(first, last + 1);
  const counts = delta(window[0] as JudgeSample, window[window.length - 1] as JudgeSample);
  const leakedCounts = Object.fromEntries(LEAK_COUNTERS.map((name) => [name, counts[name] ?? 0]));
  return { firstIndex: first, lastIndex: last, samples: window, gaps: window.filter((s) => !s.ferryTable).length, leaked: leakedCounts, leakedTotal: LEAK_COUNTERS.reduce((n, k) => n + (counts[k] ?? 0), 0) };
}
