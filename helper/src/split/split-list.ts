// Builds `split.list` (issue 6): each rule with the processes it caught and its byte counters, plus the manual group.
import type { CaughtProcess, SplitCounters, SplitList, SplitRule, SplitStatus } from '../../../shared/src/protocol/split.js';
import { zeroSplitCounters } from '../platform/split-tunnel.js';
import type { ProcFs } from './proc-fs.js';

/** The group of processes added by PID or launched with `ferry split launch`. */
export const MANUAL_GROUP = 'manual';

/** Processes that exited between listing and reading are left out. */
export function describeProcesses(procfs: ProcFs, pids: readonly number[]): CaughtProcess[] {
  return pids.flatMap((pid) => {
    const status = procfs.status(pid);
    return status === null ? [] : [{ pid, exe: procfs.exe(pid), command: status.name, uid: status.uid }];
  });
}

export interface SplitListInput {
  status: SplitStatus;
  rules: readonly SplitRule[];
  pidsOf(group: string): number[];
  procfs: ProcFs;
  counters: Readonly<Record<string, SplitCounters>>;
}

export function buildSplitList(input: SplitListInput): SplitList {
  const group = (name: string): { processes: CaughtProcess[]; counters: SplitCounters } => ({
    processes: describeProcesses(input.procfs, input.pidsOf(name)),
    counters: input.counters[name] ?? zeroSplitCounters(),
  });
  return { ...input.status, rules: input.rules.map((rule) => ({ ...rule, ...group(rule.id) })), manual: group(MANUAL_GROUP) };
}
