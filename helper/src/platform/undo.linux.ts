// Undoes journaled changes newest first, each tolerant of its object being gone; only undone records leave the journal.
import { undoAddress } from './address.linux.js';
import { CommandFailedError } from './command-runner.js';
import { undoDns } from './dns.linux.js';
import type { SystemChange } from './journal.js';
import { undoLink } from './link.linux.js';
import type { LinuxContext } from './linux-context.js';
import { undoNftTable } from './mark-firewall.linux.js';
import { undoRoute } from './route.linux.js';
import { undoRule } from './rule.linux.js';
import { undoSysctl } from './sysctl.linux.js';

export interface UndoFailure {
  change: SystemChange;
  message: string;
}

async function undoChange(context: LinuxContext, change: SystemChange): Promise<void> {
  switch (change.kind) {
    case 'address':
      return undoAddress(context, change);
    case 'link':
      return undoLink(context, change);
    case 'route':
      return undoRoute(context, change);
    case 'rule':
      return undoRule(context, change);
    case 'sysctl':
      return undoSysctl(context, change);
    case 'dns':
      return undoDns(context, change);
    case 'nft-table':
      return undoNftTable(context, change);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Error data for `details`: the failed command and its stderr when there was one. */
export function errorDetails(error: unknown): Record<string, unknown> {
  if (error instanceof CommandFailedError) {
    return { command: [error.file, ...error.args].join(' '), exitCode: error.result.code, stderr: error.result.stderr.trim() };
  }
  return { reason: errorMessage(error) };
}

/**
 * Walks the journal from the newest record back. A record whose undo fails stays in the journal (a later
 * revert or the next start retries it) and the walk goes on, so one stuck change does not keep, say, DNS broken.
 */
export async function undoJournal(context: LinuxContext): Promise<UndoFailure[]> {
  const failures: UndoFailure[] = [];
  for (const record of [...context.journal.entries()].reverse()) {
    try {
      await undoChange(context, record.change);
      await context.journal.forget(record);
    } catch (error) {
      failures.push({ change: record.change, message: errorMessage(error) });
      context.logger.warn('could not undo a system change', { change: record.change, ...errorDetails(error) });
    }
  }
  return failures;
}
