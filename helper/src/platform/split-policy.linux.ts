// The policy rule that routes split traffic: exclude → marked packets use main; include → unmarked packets use main (ip-rule(8)).
import { CommandFailedError } from './command-runner.js';
import type { SystemChange } from './journal.js';
import { familyFlag, parseJsonArray, recordThenRun, runUndo, type LinuxContext } from './linux-context.js';
import { SPLIT_MARK, SPLIT_MARK_MASK } from './split-tunnel.js';

type SplitRuleChange = Extract<SystemChange, { kind: 'split-rule' }>;

export function splitRuleArgs(change: Pick<SplitRuleChange, 'not' | 'fwmark' | 'fwmarkMask' | 'table'>): string[] {
  const mark = `0x${change.fwmark.toString(16)}/0x${change.fwmarkMask.toString(16)}`;
  return [...(change.not ? ['not'] : []), 'fwmark', mark, 'table', String(change.table)];
}

/** What `ip -6` says on a host booted with IPv6 disabled: there is nothing to route, so nothing to do. */
const NO_IPV6 = /Address family not supported|IPv6 is disabled/i;

interface KernelRule {
  priority?: unknown;
  not?: unknown;
  fwmark?: unknown;
  fwmask?: unknown;
}

/** `ip -json rule show`; null when the host has no IPv6. */
async function readRules(context: LinuxContext, family: 4 | 6): Promise<KernelRule[] | null> {
  const args = ['-json', familyFlag(family), 'rule', 'show'];
  const result = await context.runner.run('ip', args, { allowFailure: family === 6 });
  if (result.code === 0) return parseJsonArray(result.stdout) as KernelRule[];
  if (NO_IPV6.test(result.stderr)) return null;
  throw new CommandFailedError('ip', args, result);
}

/** Whether a listed kernel rule is the journaled one: same priority and selector. */
function isOurs(rule: KernelRule, change: SplitRuleChange): boolean {
  const hex = (value: number): string => `0x${value.toString(16)}`;
  return rule.priority === change.priority && rule.fwmark === hex(change.fwmark) && rule.fwmask === hex(change.fwmarkMask) && 'not' in rule === change.not;
}

/** Journal records of rules the kernel no longer has (a reboot keeps the journal, not the rules) are dropped. */
async function forgetVanishedRules(context: LinuxContext, family: 4 | 6, rules: readonly KernelRule[]): Promise<void> {
  for (const record of [...context.journal.entries()]) {
    const change = record.change;
    if (change.kind === 'split-rule' && change.family === family && !rules.some((rule) => isOurs(rule, change))) await context.journal.forget(record);
  }
}

/**
 * Our rule must be looked at before wg-quick's `not fwmark` and `suppress_prefixlength` rules, and before
 * anyone else's: one priority below the lowest other rule. The network configurator places its rules below the
 * second-lowest rule, so after each tunnel apply ours is moved down again (new rule first, then the old one goes,
 * so there is no moment without it).
 */
export async function applySplitPolicy(context: LinuxContext, family: 4 | 6, mode: 'exclude' | 'include'): Promise<void> {
  const rules = await readRules(context, family);
  if (rules === null) return context.logger.info('no IPv6 on this host: no IPv6 split-tunnel rule');
  await forgetVanishedRules(context, family, rules);
  const ours = context.journal.entries().flatMap((record) => (record.change.kind === 'split-rule' && record.change.family === family ? [record.change] : []));
  const others = rules.filter((rule) => typeof rule.priority === 'number' && rule.priority > 0 && !ours.some((change) => isOurs(rule, change)));
  const lowest = Math.min(...others.map((rule) => rule.priority as number), 32766);
  const want = { not: mode === 'include', fwmark: SPLIT_MARK, fwmarkMask: SPLIT_MARK_MASK, table: 'main' as const };
  let current = ours.find((change) => change.not === want.not && change.priority < lowest);
  if (!current) {
    // The kernel takes a rule that differs only by `not` for the same rule ("File exists"): a mode change needs a
    // priority the outgoing rule does not hold.
    let priority = lowest - 1;
    while (ours.some((change) => change.priority === priority)) priority--;
    if (priority < 1) throw new Error(`no free IPv${family} rule priority below ${lowest}`);
    const change: SplitRuleChange = { kind: 'split-rule', family, priority, ...want };
    await recordThenRun(context, change, () =>
      context.runner.run('ip', [familyFlag(family), 'rule', 'add', ...splitRuleArgs(change), 'priority', String(change.priority)]),
    );
    current = change;
  }
  for (const record of [...context.journal.entries()]) {
    const change = record.change;
    if (change.kind !== 'split-rule' || change.family !== family || change === current) continue;
    await undoSplitRule(context, change);
    await context.journal.forget(record);
  }
}

/** Deletes exactly our rule: priority and full selector. */
export async function undoSplitRule(context: LinuxContext, change: SplitRuleChange): Promise<void> {
  await runUndo(context, 'ip', [familyFlag(change.family), 'rule', 'del', 'priority', String(change.priority), ...splitRuleArgs(change)]);
}
