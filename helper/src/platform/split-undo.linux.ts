// Undoes the split-tunnel journal newest first: policy rules, the nft table, cgroups (whose processes go back to the cgroup2 root).
import type { CgroupFs } from '../split/cgroup-fs.js';
import type { SystemChange } from './journal.js';
import type { LinuxContext } from './linux-context.js';
import { undoNftTable } from './mark-firewall.linux.js';
import { undoCgroup } from './split-cgroups.linux.js';
import { undoSplitRule } from './split-policy.linux.js';
import { errorDetails, errorMessage, type UndoFailure } from './undo.linux.js';

async function undoSplitChange(context: LinuxContext, cgroups: CgroupFs, change: SystemChange): Promise<void> {
  switch (change.kind) {
    case 'split-rule':
      return undoSplitRule(context, change);
    case 'nft-table':
      return undoNftTable(context, change);
    case 'cgroup':
      return undoCgroup(cgroups, change);
    default:
      throw new Error(`the split-tunnel journal holds a ${change.kind} change, which only the network configurator undoes`);
  }
}

/** Like undoJournal: a change whose undo fails stays journaled for the next try, and the walk goes on. */
export async function undoSplitJournal(context: LinuxContext, cgroups: CgroupFs): Promise<UndoFailure[]> {
  const failures: UndoFailure[] = [];
  for (const record of [...context.journal.entries()].reverse()) {
    try {
      await undoSplitChange(context, cgroups, record.change);
      await context.journal.forget(record);
    } catch (error) {
      failures.push({ change: record.change, message: errorMessage(error) });
      context.logger.warn('could not undo a split-tunnel change', { change: record.change, ...errorDetails(error) });
    }
  }
  return failures;
}
