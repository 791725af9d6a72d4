// The split-tunnel engine ferryd runs (issue 6): mode and rules, the kernel side through SplitTunnel, the process watcher, PIDs and the list.
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { SplitList, SplitMode, SplitProblem, SplitRule, SplitStatus } from '../../../shared/src/protocol/split.js';
import type { ProcEventSource } from '../native/proc-connector.js';
import type { PlatformLogger } from '../platform/network.js';
import type { SplitTunnel, SplitTunnelApplied, SplitTunnelConfig } from '../platform/split-tunnel.js';
import type { Clock } from '../time/clock.js';
import type { CgroupFs } from './cgroup-fs.js';
import { CgroupMover } from './cgroup-mover.js';
import type { WatcherKind } from './proc-event-source.js';
import type { ProcFs } from './proc-fs.js';
import { ProcessWatcher, type CaughtProcessEvent } from './process-watcher.js';
import { RuleMatcher } from './rule-matcher.js';
import { buildSplitList, MANUAL_GROUP } from './split-list.js';
import { checkTargetPid, type SplitCaller } from './split-pids.js';
import { makeRule, SplitRuleSet } from './split-rules.js';
import type { SplitSettings, SplitStore } from './split-store.js';

export interface SplitManagerDeps {
  splitTunnel: SplitTunnel;
  store: SplitStore;
  procfs: ProcFs;
  cgroups: CgroupFs;
  /** Opened when a mode is first set: the process connector, falling back to polling (proc-event-source.ts). */
  openEvents(onFallback: (reason: string) => void): ProcEventSource & { readonly kind: WatcherKind };
  clock: Clock;
  /** CLOCK_MONOTONIC ns (`process.hrtime.bigint`), the clock of the kernel's event timestamps. */
  monotonicNs(): bigint;
  logger: PlatformLogger;
  /** Something list() shows changed (mode, rules, a caught process): publish the `split` event (coalesce it). */
  onChange?(): void;
  onCaught?(event: CaughtProcessEvent): void;
}

/*
 * mode off ──setMode──▶ exclude|include: cgroups + nft + rules (SplitTunnel.set), watcher on, /proc rescanned
 *   any change (mode, rule, tunnel) re-runs reconcile(); a failed one is rolled back to the previous settings
 *   close(): processes back to their origin cgroups, SplitTunnel.set(null), watcher off
 */
export class SplitManager {
  private settings: SplitSettings;
  private tunnel: SplitTunnelConfig['tunnel'] = null;
  private applied: SplitTunnelApplied | null = null;
  private problem: SplitProblem | null = null;
  private matcher: RuleMatcher;
  private readonly mover: CgroupMover;
  private readonly watcher: ProcessWatcher;
  private source: (ProcEventSource & { readonly kind: WatcherKind }) | null = null;
  /** Processes the user took out by PID: not caught again until they exec something new. */
  private readonly optedOut = new Set<number>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly deps: SplitManagerDeps, settings: SplitSettings) {
    this.settings = settings;
    this.matcher = new RuleMatcher(settings.rules, deps.procfs);
    this.mover = new CgroupMover(deps.cgroups, deps.procfs);
    this.watcher = new ProcessWatcher({
      procfs: deps.procfs,
      classify: (pid) => (this.optedOut.has(pid) ? null : (this.matcher.match(pid)?.id ?? null)),
      groupOf: (pid) => this.mover.groupOf(pid),
      moveIn: (pid, group) => this.mover.moveIn(pid, group),
      clock: deps.clock,
      monotonicNs: deps.monotonicNs,
      onCaught: (event) => this.caught(event),
      onMoveFailed: (pid, group, error) => deps.logger.warn('could not move a process into its split cgroup', { pid, group, error }),
    });
  }

  /** Loads split.json and applies it; a failure is kept as `problem` in the status, not thrown. */
  static async open(deps: SplitManagerDeps): Promise<SplitManager> {
    const manager = new SplitManager(deps, await deps.store.load());
    await manager.serialized(() => manager.reconcile());
    return manager;
  }

  status(): SplitStatus {
    const enforced = this.applied !== null;
    return { mode: this.settings.mode, enforced, watcher: enforced ? (this.source?.kind ?? 'stopped') : 'stopped', problem: this.problem };
  }

  /** The rules as stored (no kernel reads, unlike list()). */
  rules(): readonly SplitRule[] {
    return this.settings.rules;
  }

  async list(): Promise<SplitList> {
    const counters = await this.deps.splitTunnel.counters();
    return buildSplitList({
      status: this.status(),
      rules: this.settings.rules,
      pidsOf: (group) => this.mover.pidsOf(group),
      procfs: this.deps.procfs,
      counters: counters.ok ? counters.value : {},
    });
  }

  setMode(mode: SplitMode): Promise<FerryResult<SplitStatus>> {
    return this.serialized(async () => {
      const result = await this.change({ ...this.settings, mode });
      return result.ok ? ok(this.status()) : result;
    });
  }

  /** Checks the path (absolute, exists, executable), then catches running processes of it at once. */
  addRule(requestedPath: string, name: string | null = null): Promise<FerryResult<SplitRule>> {
    return this.serialized(async () => {
      const rule = await makeRule(requestedPath, name);
      if (!rule.ok) return rule;
      const rules = new SplitRuleSet(this.settings.rules);
      const added = rules.add(rule.value);
      if (!added.ok) return added;
      const result = await this.change({ ...this.settings, rules: [...rules.list()] });
      return result.ok ? added : result;
    });
  }

  /** Its processes go back where they came from; new connections of the app take the default path again. */
  removeRule(key: { id: string } | { path: string }): Promise<FerryResult<void>> {
    return this.serialized(async () => {
      const rules = new SplitRuleSet(this.settings.rules);
      const removed = rules.remove(key);
      if (!removed.ok) return removed;
      this.mover.releaseGroup(removed.value.id);
      return this.change({ ...this.settings, rules: [...rules.list()] });
    });
  }

  /** Call after every tunnel apply (our policy rule must stay ahead of the tunnel's) and with null after disconnect. */
  setTunnel(tunnel: SplitTunnelConfig['tunnel']): Promise<FerryResult<void>> {
    return this.serialized(async () => {
      this.tunnel = tunnel;
      return this.reconcile();
    });
  }

  addPid(pid: number, caller: SplitCaller): Promise<FerryResult<void>> {
    return this.serialized(async () => this.moveToManual(pid, caller, false));
  }

  removePid(pid: number, caller: SplitCaller): Promise<FerryResult<void>> {
    return this.serialized(async () => {
      const checked = checkTargetPid(this.deps.procfs, pid, caller);
      if (!checked.ok) return checked;
      if (this.mover.groupOf(pid) === null) return fail('INVALID_PARAMS', `process ${pid} is not in a split cgroup`, { reason: 'pid-not-caught' });
      const outcome = this.mover.moveOut(pid);
      if (typeof outcome === 'object') return fail('SYSTEM_ERROR', `could not move process ${pid}: ${outcome.error}`);
      this.optedOut.add(pid);
      this.changed();
      return ok(undefined);
    });
  }

  /** Without `pid`, the caller itself (the CLI, which then runs the command); with it, a child of the caller. */
  launch(caller: SplitCaller, pid?: number): Promise<FerryResult<{ pid: number }>> {
    return this.serialized(async () => {
      const target = pid ?? caller.pid;
      const moved = await this.moveToManual(target, caller, pid !== undefined);
      return moved.ok ? ok({ pid: target }) : moved;
    });
  }

  /** At shutdown: processes back to their origins, every kernel change undone, the watcher stopped. */
  close(): Promise<FerryResult<void>> {
    return this.serialized(async () => {
      this.mover.releaseAll();
      this.stopWatcher();
      const result = await this.deps.splitTunnel.set(null);
      this.applied = null;
      return result.ok ? ok(undefined) : result;
    });
  }

  private moveToManual(pid: number, caller: SplitCaller, childOfCaller: boolean): FerryResult<void> {
    if (this.settings.mode === 'off') return fail('INVALID_PARAMS', 'split tunnelling is off: set the mode to exclude or include first', { reason: 'split-off' });
    if (this.applied === null) return fail('SYSTEM_ERROR', this.problem?.message ?? 'split tunnelling is not applied', { reason: this.problem?.reason ?? 'apply-failed' });
    const checked = checkTargetPid(this.deps.procfs, pid, caller, { childOfCaller });
    if (!checked.ok) return checked;
    const outcome = this.mover.moveIn(pid, MANUAL_GROUP);
    if (outcome === 'gone') return fail('INVALID_PARAMS', `no such process: ${pid}`, { reason: 'pid-missing' });
    if (typeof outcome === 'object') return fail('SYSTEM_ERROR', `could not move process ${pid}: ${outcome.error}`);
    this.optedOut.delete(pid);
    this.changed();
    return ok(undefined);
  }

  /** Applies `next`; if the system refuses it, the previous settings are put back and the error returned. */
  private async change(next: SplitSettings): Promise<FerryResult<void>> {
    const previous = this.settings;
    this.settings = next;
    const result = await this.reconcile();
    if (!result.ok) {
      this.settings = previous;
      await this.reconcile();
      return result;
    }
    await this.deps.store.save(next);
    return ok(undefined);
  }

  private async reconcile(): Promise<FerryResult<void>> {
    const { mode, rules } = this.settings;
    this.matcher = new RuleMatcher(rules, this.deps.procfs);
    if (mode === 'off') this.mover.releaseAll();
    const config = mode === 'off' ? null : { mode, groups: [...rules.map((rule) => rule.id), MANUAL_GROUP], tunnel: this.tunnel };
    const result = await this.deps.splitTunnel.set(config);
    this.applied = result.ok ? result.value : null;
    this.problem = result.ok ? null : { reason: problemReason(result.error.details?.reason), message: result.error.message };
    this.mover.setLayout(this.applied);
    if (this.applied === null) this.stopWatcher();
    else this.startWatcher();
    this.changed();
    return result.ok ? ok(undefined) : result;
  }

  private startWatcher(): void {
    if (this.source === null) {
      this.source = this.deps.openEvents((reason) => {
        this.deps.logger.warn('watching processes by polling /proc', { reason });
        this.watcher.rescan();
      });
      this.source.start(
        (events) => this.watcher.handle(events),
        (error) => this.deps.logger.warn('the process watcher stopped', { error: error.message }),
      );
    }
    this.watcher.rescan();
  }

  private stopWatcher(): void {
    this.source?.close();
    this.source = null;
  }

  private caught(event: CaughtProcessEvent): void {
    this.deps.logger.info('process caught for split tunnelling', { ...event });
    this.deps.onCaught?.(event);
    this.changed();
  }

  private changed(): void {
    this.deps.onChange?.();
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function problemReason(reason: unknown): SplitProblem['reason'] {
  return reason === 'no-cgroup2' || reason === 'cgroup2-unreachable' || reason === 'no-nftables' ? reason : 'apply-failed';
}
