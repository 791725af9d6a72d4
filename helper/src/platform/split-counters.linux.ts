// Reads the per-group byte counters of the `inet ferry-split` table (`nft -j list counters`) and adds counter sets.
import type { SplitCounters } from '../../../shared/src/protocol/split.js';
import type { CommandRunner } from './command-runner.js';
import { COUNTER_SUFFIXES, SPLIT_TABLE_NAME } from './split-ruleset.linux.js';
import { zeroSplitCounters } from './split-tunnel.js';

const FIELD_BY_SUFFIX = new Map<string, keyof SplitCounters>(Object.entries(COUNTER_SUFFIXES).map(([field, suffix]) => [suffix, field as keyof SplitCounters]));
const COUNTER_NAME = /^(.+)-((?:tunnel|direct)-(?:tx|rx))$/;

interface NftCounter {
  counter?: { name?: unknown; table?: unknown; bytes?: unknown };
}

/** Group → counters from `nft -j list counters table inet ferry-split` output. */
export function parseSplitCounters(json: string): Record<string, SplitCounters> {
  const items = (JSON.parse(json) as { nftables?: NftCounter[] }).nftables ?? [];
  const result: Record<string, SplitCounters> = {};
  for (const { counter } of items) {
    if (typeof counter?.name !== 'string' || typeof counter.bytes !== 'number' || counter.table !== SPLIT_TABLE_NAME) continue;
    const match = COUNTER_NAME.exec(counter.name);
    const field = match ? FIELD_BY_SUFFIX.get(match[2] ?? '') : undefined;
    if (!match?.[1] || !field) continue;
    const group = (result[match[1]] ??= zeroSplitCounters());
    group[field] += counter.bytes;
  }
  return result;
}

/** Empty when the table does not exist (nothing applied). */
export async function readSplitCounters(runner: CommandRunner): Promise<Record<string, SplitCounters>> {
  const result = await runner.run('nft', ['-j', 'list', 'counters', 'table', 'inet', SPLIT_TABLE_NAME], { allowFailure: true });
  if (result.code !== 0 || result.stdout.trim() === '') return {};
  return parseSplitCounters(result.stdout);
}

export function addCounters(a: Record<string, SplitCounters>, b: Record<string, SplitCounters>): Record<string, SplitCounters> {
  const sum: Record<string, SplitCounters> = {};
  for (const group of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[group] ?? zeroSplitCounters();
    const y = b[group] ?? zeroSplitCounters();
    sum[group] = {
      tunnelTxBytes: x.tunnelTxBytes + y.tunnelTxBytes,
      tunnelRxBytes: x.tunnelRxBytes + y.tunnelRxBytes,
      directTxBytes: x.directTxBytes + y.directTxBytes,
      directRxBytes: x.directRxBytes + y.directRxBytes,
    };
  }
  return sum;
}
