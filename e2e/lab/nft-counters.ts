// Packet counters in a lab namespace (a table of the lab's own, nftables named counters): what went where, counted.
import { runIn } from './exec.js';

export interface CounterRule {
  /** 'in' counts at prerouting (before anything else sees the packet), 'out' at postrouting (after routing). */
  hook: 'in' | 'out';
  /** An nft match expression, e.g. `udp dport 51820 udp length 40`. */
  match: string;
}

function tableText(table: string, rules: Record<string, CounterRule>): string {
  const names = Object.keys(rules);
  const counters = names.map((name) => `  counter ${name} { }`);
  const chain = (hook: 'in' | 'out'): string[] => {
    const header = hook === 'in' ? 'type filter hook prerouting priority -400' : 'type filter hook postrouting priority 400';
    const lines = names.filter((name) => rules[name]?.hook === hook).map((name) => `    ${rules[name]?.match} counter name ${name}`);
    return [`  chain count_${hook} {`, `    ${header}; policy accept;`, ...lines, '  }'];
  };
  return [`table inet ${table} {`, ...counters, ...chain('in'), ...chain('out'), '}', ''].join('\n');
}

interface NftCounterJson {
  counter?: { name: string; packets: number; bytes: number };
}

/** Named packet counters; `install` once, `read` any time, `remove` when done. */
export class NftCounters {
  private constructor(private readonly ns: string, private readonly table: string) {}

  static async install(ns: string, table: string, rules: Record<string, CounterRule>): Promise<NftCounters> {
    await runIn(ns, 'nft', ['-f', '-'], { input: tableText(table, rules) });
    return new NftCounters(ns, table);
  }

  /** Packets counted so far, by counter name. */
  async read(): Promise<Record<string, number>> {
    const { stdout } = await runIn(this.ns, 'nft', ['-j', 'list', 'counters', 'table', 'inet', this.table]);
    const parsed = JSON.parse(stdout) as { nftables: NftCounterJson[] };
    const packets: Record<string, number> = {};
    for (const item of parsed.nftables) {
      if (item.counter !== undefined) packets[item.counter.name] = item.counter.packets;
    }
    return packets;
  }

  async remove(): Promise<void> {
    await runIn(this.ns, 'nft', ['delete', 'table', 'inet', this.table], { allowFailure: true });
  }
}
