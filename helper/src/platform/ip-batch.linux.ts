// Several journaled `ip` changes as one `ip -batch -` run: one journal write and one process instead of one each (connect time).
import { CommandFailedError } from './command-runner.js';
import type { SystemChange } from './journal.js';
import { recordThenRun, type LinuxContext } from './linux-context.js';

/** One change and the `ip` arguments that make it, as a single command would have them. */
export interface IpStep {
  change: SystemChange;
  args: string[];
}

/** A batch line: ip reads no options there, but takes the family from the address, so -4/-6 are dropped. */
function batchLine(step: IpStep): string {
  const words = step.args[0] === '-4' || step.args[0] === '-6' ? step.args.slice(1) : step.args;
  if (!words.every((word) => BATCH_WORD.test(word))) throw new Error(`not a plain ip batch line: ${step.args.join(' ')}`);
  return `${words.join(' ')}\n`;
}

/** ip's batch reader splits on blanks and treats quotes and '#' specially: only plain words may go in a line. */
const BATCH_WORD = /^[A-Za-z0-9_.:/-]+$/;

/** ip stops at the first failing line and names it ("Command failed -:N", N from 1). */
const FAILED_LINE = /Command failed -:(\d+)/;

/** How many steps ran before the batch stopped: all of them if ip did not say (a crash: undo tolerates gone objects). */
function stepsMade(stderr: string, code: number, total: number): number {
  const line = FAILED_LINE.exec(stderr);
  if (line) return Math.min(Number(line[1]) - 1, total);
  return code === 127 ? 0 : total;
}

/**
 * Journals every step, then runs them in order in one `ip -batch -`. On failure the steps that were never made
 * (the failing one included: a refused netlink request changes nothing) leave the journal again, exactly as
 * recordThenRun does for one step, and the error names the failing step's command; the caller undoes the rest.
 */
export async function runIpSteps(context: LinuxContext, steps: readonly IpStep[]): Promise<void> {
  const [only] = steps;
  if (only === undefined) return;
  if (steps.length === 1) return recordThenRun(context, only.change, () => context.runner.run('ip', only.args));
  const input = steps.map(batchLine).join('');
  const before = context.journal.entries().length;
  await context.journal.record(...steps.map((step) => step.change));
  const records = context.journal.entries().slice(before);
  const result = await context.runner.run('ip', ['-batch', '-'], { input, allowFailure: true });
  if (result.code === 0) return;
  const made = stepsMade(result.stderr, result.code, steps.length);
  await context.journal.forget(...records.slice(made));
  const failed = steps[Math.min(made, steps.length - 1)] as IpStep;
  throw new CommandFailedError('ip', failed.args, result);
}
