// The Linux NetworkConfigurator: iproute2, nft, sysctl and a DNS backend, every change journaled before it is made (DESIGN.md §6).
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Clock } from '../time/clock.js';
import { applyCheckedPlan } from './apply-plan.linux.js';
import type { CommandRunner } from './command-runner.js';
import { Journal, type JournalLoad } from './journal.js';
import { DEFAULT_LINUX_PATHS, systemHostProbe, type DnsBackendChoice, type HostProbe, type LinuxContext, type LinuxPaths } from './linux-context.js';
import { silentLogger, type NetworkConfigurator, type PlatformLogger, type TunnelNetworkPlan } from './network.js';
import { checkPlan } from './plan-validation.js';
import { errorDetails, errorMessage, undoJournal } from './undo.linux.js';

export interface LinuxNetworkOptions {
  runner: CommandRunner;
  /** Holds journal.json and the resolv.conf backup (created 0700 if missing). */
  stateDir: string;
  clock: Clock;
  logger?: PlatformLogger;
  /** System paths to use instead of the real ones (tests: temp files). */
  paths?: Partial<LinuxPaths>;
  probe?: HostProbe;
  /** `auto` picks by what the host has; tests in a namespace force `file`. */
  dnsBackend?: DnsBackendChoice;
}

/*
 * apply(plan):  [journal not empty → undo it] → check plan → change₁ … changeₙ (each journaled first)
 *                  └─ any change fails → undo the journal → { ok: false, SYSTEM_ERROR }
 * revert():     undo newest → oldest; the journal file is gone once everything is undone
 * recover():    the same, for a journal left on disk by a ferryd that died with a tunnel up
 */
export class LinuxNetworkConfigurator implements NetworkConfigurator {
  private loaded: Promise<{ context: LinuxContext; load: JournalLoad }> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: LinuxNetworkOptions) {}

  apply(plan: TunnelNetworkPlan): Promise<FerryResult<void>> {
    return this.serialized(() => this.applyNow(plan));
  }

  revert(): Promise<FerryResult<void>> {
    return this.serialized(() => this.revertNow());
  }

  recover(): Promise<FerryResult<void>> {
    return this.serialized(() => this.recoverNow());
  }

  /** One operation at a time: an apply racing a revert would interleave their journals. */
  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private context(): Promise<{ context: LinuxContext; load: JournalLoad }> {
    this.loaded ??= Journal.load(this.options.stateDir, this.options.clock).then((load) => ({
      load,
      context: {
        runner: this.options.runner,
        journal: load.journal,
        paths: { ...DEFAULT_LINUX_PATHS, ...this.options.paths },
        probe: this.options.probe ?? systemHostProbe,
        logger: this.options.logger ?? silentLogger,
        stateDir: this.options.stateDir,
        dnsBackend: this.options.dnsBackend ?? 'auto',
      },
    }));
    return this.loaded;
  }

  private async applyNow(plan: TunnelNetworkPlan): Promise<FerryResult<void>> {
    const checked = checkPlan(plan);
    if (!checked.ok) return fail('SYSTEM_ERROR', `the network plan is not valid: ${checked.problems.join('; ')}`, { problems: checked.problems });
    const { context } = await this.context();
    if (!context.journal.isEmpty) {
      const previous = await this.revertNow();
      if (!previous.ok) return previous;
    }
    try {
      await applyCheckedPlan(context, checked.plan);
      context.logger.info('network configured', { interfaceName: plan.interfaceName, changes: context.journal.entries().length });
      return ok(undefined);
    } catch (error) {
      context.logger.warn('network configuration failed; undoing it', errorDetails(error));
      const leftovers = await undoJournal(context);
      return fail('SYSTEM_ERROR', `could not configure the network: ${errorMessage(error)}`, {
        ...errorDetails(error),
        rolledBack: leftovers.length === 0,
        ...(leftovers.length > 0 ? { notUndone: leftovers } : {}),
      });
    }
  }

  private async revertNow(): Promise<FerryResult<void>> {
    const { context } = await this.context();
    const leftovers = await undoJournal(context);
    if (leftovers.length === 0) return ok(undefined);
    return fail('SYSTEM_ERROR', `could not undo ${leftovers.length} system change(s); they stay in the journal`, { notUndone: leftovers });
  }

  private async recoverNow(): Promise<FerryResult<void>> {
    const { context, load } = await this.context();
    if (load.problem) {
      context.logger.warn('the journal could not be read and was moved aside', { ...load.problem });
      return fail('SYSTEM_ERROR', `the system-change journal could not be read: ${load.problem.message}`, { movedTo: load.problem.movedTo });
    }
    if (context.journal.isEmpty) return ok(undefined);
    context.logger.warn('undoing system changes left by a previous ferryd', { changes: context.journal.entries().length });
    return this.revertNow();
  }
}
