// The split-tunnel contract of the platform layer (issue 6): which cgroups' traffic is marked, and how marked traffic is routed.
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import type { SplitCounters } from '../../../shared/src/protocol/split.js';

/** Packets of split processes carry SPLIT_MARK | slot under SPLIT_MARK_MASK ("FR"); the kill switch may match on it. */
export const SPLIT_MARK = 0x4652_0000;
export const SPLIT_MARK_MASK = 0xffff_0000;
/** Include mode: DNS to the tunnel's resolvers, from any process, takes this slot so it reaches them through the tunnel. */
export const SPLIT_DNS_SLOT = 0xffff;
export const MAX_SPLIT_GROUPS = 0xfff0;
/** A group is a leaf cgroup under `ferry-<mode>`: one per rule (`r-…`) plus `manual`. */
export const SPLIT_GROUP_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

export interface SplitTunnelConfig {
  mode: 'exclude' | 'include';
  /** Each gets a cgroup, a mark and counters; processes of a group keep their group across a mode change. */
  groups: string[];
  /** The tunnel while one exists; without it packets are still marked (so a kill switch can let excluded ones pass). */
  tunnel: { interfaceName: string; dnsServers: string[] } | null;
}

export interface SplitTunnelApplied {
  /** The cgroup2 mount; moving a PID to its root takes it out of every Ferry cgroup. */
  mountPoint: string;
  /** Where to write a PID so that it joins a group: group name → cgroup directory. */
  groupDirs: Record<string, string>;
}

/**
 * Declarative, like the network configurator: `set(config)` makes cgroups, the `inet ferry-split` nft table and
 * the policy rules exactly `config` (each change journaled in split-journal.json first); `set(null)` removes all
 * of it. A failure undoes everything, so nothing is ever half-applied. Cgroups that stay are never recreated:
 * a socket is tied to the cgroup it was created in, and a new cgroup would orphan every open connection.
 */
export interface SplitTunnel {
  set(config: SplitTunnelConfig | null): Promise<FerryResult<SplitTunnelApplied | null>>;
  /** Bytes per group since ferryd started (carried across table replacements); empty when nothing is applied. */
  counters(): Promise<FerryResult<Record<string, SplitCounters>>>;
  /** At start-up: undoes what a ferryd that died left behind (processes go back to the cgroup2 root). */
  recover(): Promise<FerryResult<void>>;
}

export function zeroSplitCounters(): SplitCounters {
  return { tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 0, directRxBytes: 0 };
}
