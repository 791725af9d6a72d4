// wg-quick's policy rules for a full tunnel: `not fwmark M table T` and `table main suppress_prefixlength 0` (wireguard.md §5.1).
import type { RuleSelector, SystemChange } from './journal.js';
import { familyFlag, parseJsonArray, recordThenRun, runUndo, type LinuxContext } from './linux-context.js';

/** The selector as `ip rule` arguments, in wg-quick's order. */
export function ruleSelectorArgs(selector: RuleSelector): string[] {
  const args: string[] = selector.not ? ['not'] : [];
  if (selector.fwmark !== undefined) args.push('fwmark', String(selector.fwmark));
  args.push('table', String(selector.table));
  if (selector.suppressPrefixLength !== undefined) args.push('suppress_prefixlength', String(selector.suppressPrefixLength));
  return args;
}

/**
 * The priority the kernel would give a rule added without one (fib_default_rule_pref: the second rule's
 * priority minus one). We pass it explicitly so the journal knows it before the rule exists and deletes
 * exactly that rule later; the resulting rule list is the one wg-quick produces.
 */
export function kernelDefaultPriority(priorities: readonly number[]): number | null {
  const second = [...priorities].sort((a, b) => a - b)[1];
  return second !== undefined && second > 1 ? second - 1 : null;
}

async function readRulePriorities(context: LinuxContext, family: 4 | 6): Promise<number[]> {
  const result = await context.runner.run('ip', ['-json', familyFlag(family), 'rule', 'show']);
  return parseJsonArray(result.stdout).flatMap((rule) => {
    const priority = (rule as { priority?: unknown }).priority;
    return typeof priority === 'number' ? [priority] : [];
  });
}

async function addRule(context: LinuxContext, family: 4 | 6, priority: number, selector: RuleSelector): Promise<void> {
  const change: SystemChange = { kind: 'rule', family, priority, selector };
  await recordThenRun(context, change, () =>
    context.runner.run('ip', [familyFlag(family), 'rule', 'add', ...ruleSelectorArgs(selector), 'priority', String(priority)]),
  );
}

/**
 * Unmarked traffic goes to `table`, marked (the tunnel's own UDP) falls through to main, and main's
 * specific routes still win because only its /0 is suppressed. Added in wg-quick's order, so the suppress
 * rule ends up one priority before the fwmark rule (32764 and 32765 on a fresh system).
 */
export async function addFullTunnelRules(context: LinuxContext, family: 4 | 6, fwmark: number, table: number): Promise<void> {
  const priorities = await readRulePriorities(context, family);
  const markPriority = kernelDefaultPriority(priorities);
  const suppressPriority = markPriority === null ? null : kernelDefaultPriority([...priorities, markPriority]);
  if (markPriority === null || suppressPriority === null) {
    throw new Error(`no free IPv${family} rule priority below the existing rules (${priorities.join(', ')})`);
  }
  await addRule(context, family, markPriority, { not: true, fwmark, table });
  await addRule(context, family, suppressPriority, { not: false, table: 'main', suppressPrefixLength: 0 });
}

/** Deletes the rule by priority and full selector, so a look-alike rule of someone else's is never removed. */
export async function undoRule(context: LinuxContext, change: Extract<SystemChange, { kind: 'rule' }>): Promise<void> {
  const args = [familyFlag(change.family), 'rule', 'del', 'priority', String(change.priority), ...ruleSelectorArgs(change.selector)];
  await runUndo(context, 'ip', args);
}
