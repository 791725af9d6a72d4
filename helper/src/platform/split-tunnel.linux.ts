// The Linux SplitTunnel: cgroup v2 groups, the `inet ferry-split` nft table and a policy rule per family, journaled in split-journal.json (issue 6).
import { promises as fs } from 'node:fs';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { SplitCounters } from '../../../shared/src/protocol/split.js';
import { createCgroupFs, type CgroupFs } from '../split/cgroup-fs.js';
import { findCgroup2Mount, locateCgroup, type Cgroup2Mount } from '../split/cgroup-mount.js';
import type { Clock } from '../time/clock.js';
import { CommandFailedError, type CommandRunner } from './command-runner.js';
import { Journal } from './journal.js';
import { DEFAULT_LINUX_PATHS, systemHostProbe, type LinuxContext } from './linux-context.js';
import { silentLogger, type PlatformLogger } from './network.js';
import { ensureCgroups, pruneCgroups } from './split-cgroups.linux.js';
import { addCounters, readSplitCounters } from './split-counters.linux.js';
import { checkSplitConfig } from './split-config-check.js';
import { applySplitPolicy } from './split-policy.linux.js';
import { splitRulesetScript, SPLIT_TABLE_NAME } from './split-ruleset.linux.js';
import { undoSplitJournal } from './split-undo.linux.js';
import type { SplitTunnel, SplitTunnelApplied, SplitTunnelConfig } from './split-tunnel.js';
import { errorDetails, errorMessage } from './undo.linux.js';

export const SPLIT_JOURNAL_FILE_NAME = 'split-journal.json';

export interface LinuxSplitTunnelOptions {
  runner: CommandRunner;
  stateDir: string;
  clock: Clock;
  logger?: PlatformLogger;
  /** Where to find the cgroup2 mount; tests point it at a file without one. */
  mountInfoPath?: string;
  cgroups?: CgroupFs;
  /** The parent cgroup of a mode; tests use `ferry-test-<random>` so they never touch Ferry's real ones. */
  parentCgroupName?: (mode: SplitTunnelConfig['mode']) => string;
}

/*
 * set(config): check → find cgroup2 → cgroups (new ones made, stale ones emptied into their namesake or the root)
 *              → nft table replaced atomically → policy rule per family          (each change journaled first)
 *                 └─ any step fails → undo the split journal → { ok: false, details.reason }
 * set(null), recover(): undo the split journal, newest first
 */
export class LinuxSplitTunnel implements SplitTunnel {
  private loaded: Promise<LinuxContext> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Counts of tables already replaced, so counters() keeps growing across set() calls. */
  private carried: Record<string, SplitCounters> = {};
  private readonly cgroups: CgroupFs;

  constructor(private readonly options: LinuxSplitTunnelOptions) {
    this.cgroups = options.cgroups ?? createCgroupFs();
  }

  set(config: SplitTunnelConfig | null): Promise<FerryResult<SplitTunnelApplied | null>> {
    return this.serialized(async () => (config === null ? this.clearNow() : this.applyNow(config)));
  }

  counters(): Promise<FerryResult<Record<string, SplitCounters>>> {
    return this.serialized(async () => ok(addCounters(this.carried, await readSplitCounters((await this.context()).runner))));
  }

  recover(): Promise<FerryResult<void>> {
    return this.serialized(async () => {
      const result = await this.clearNow();
      return result.ok ? ok(undefined) : result;
    });
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private context(): Promise<LinuxContext> {
    this.loaded ??= Journal.load(this.options.stateDir, this.options.clock, SPLIT_JOURNAL_FILE_NAME).then((load) => {
      const logger = this.options.logger ?? silentLogger;
      if (load.problem) logger.warn('the split-tunnel journal could not be read and was moved aside', { ...load.problem });
      const { runner, stateDir } = this.options;
      return { runner, stateDir, logger, journal: load.journal, paths: DEFAULT_LINUX_PATHS, probe: systemHostProbe, dnsBackend: 'auto' };
    });
    return this.loaded;
  }

  private async findMount(): Promise<FerryResult<Cgroup2Mount>> {
    const mountInfoPath = this.options.mountInfoPath ?? DEFAULT_LINUX_PATHS.mountInfo;
    const text = await fs.readFile(mountInfoPath, 'utf8').catch(() => '');
    return findCgroup2Mount(text);
  }

  private async applyNow(config: SplitTunnelConfig): Promise<FerryResult<SplitTunnelApplied | null>> {
    const problems = checkSplitConfig(config);
    if (problems.length > 0) return fail('SYSTEM_ERROR', `the split-tunnel config is not valid: ${problems.join('; ')}`, { reason: 'apply-failed' });
    const mount = await this.findMount();
    if (!mount.ok) return mount;
    const context = await this.context();
    try {
      const applied = await this.applySteps(context, mount.value, config);
      context.logger.info('split tunnel configured', { mode: config.mode, groups: config.groups.length });
      return ok(applied);
    } catch (error) {
      context.logger.warn('split tunnel configuration failed; undoing it', errorDetails(error));
      this.carried = addCounters(this.carried, await readSplitCounters(context.runner).catch(() => ({})));
      const leftovers = await undoSplitJournal(context, this.cgroups);
      return fail('SYSTEM_ERROR', describeFailure(error), { reason: failureReason(error), rolledBack: leftovers.length === 0 });
    }
  }

  private async applySteps(context: LinuxContext, mount: Cgroup2Mount, config: SplitTunnelConfig): Promise<SplitTunnelApplied> {
    const parent = (this.options.parentCgroupName ?? ((mode) => `ferry-${mode}`))(config.mode);
    const relative = (group: string): string => `${parent}/${group}`;
    const groupDirs = Object.fromEntries(config.groups.map((group) => [group, locateCgroup(mount, relative(group)).dir]));
    await ensureCgroups(context, this.cgroups, mount.mountPoint, [parent, ...config.groups.map(relative)]);
    const keep = new Set([parent, ...config.groups.map(relative)]);
    await pruneCgroups(context, this.cgroups, keep, (group) => groupDirs[group] ?? null);
    await this.replaceTable(context, mount, config, relative);
    for (const family of [4, 6] as const) await applySplitPolicy(context, family, config.mode);
    return { mountPoint: mount.mountPoint, groupDirs };
  }

  private async replaceTable(context: LinuxContext, mount: Cgroup2Mount, config: SplitTunnelConfig, relative: (group: string) => string): Promise<void> {
    const servers = config.tunnel?.dnsServers ?? [];
    const script = splitRulesetScript({
      mode: config.mode,
      groups: config.groups.map((group) => ({ name: group, ...locateCgroup(mount, relative(group)) })),
      tunnelInterface: config.tunnel?.interfaceName ?? null,
      dnsServers: { v4: servers.filter((server) => !server.includes(':')), v6: servers.filter((server) => server.includes(':')) },
    });
    const journaled = context.journal.entries().some((record) => record.change.kind === 'nft-table' && record.change.name === SPLIT_TABLE_NAME);
    if (journaled) this.carried = addCounters(this.carried, await readSplitCounters(context.runner));
    else await context.journal.record({ kind: 'nft-table', family: 'inet', name: SPLIT_TABLE_NAME });
    await context.runner.run('nft', ['-f', '-'], { input: script });
  }

  private async clearNow(): Promise<FerryResult<null>> {
    const context = await this.context();
    // Nothing journaled means no table of ours (it is journaled before it is made): no counters to carry, no nft run
    // (this runs on every connect and disconnect while split tunnelling is off).
    if (context.journal.isEmpty) return ok(null);
    this.carried = addCounters(this.carried, await readSplitCounters(context.runner).catch(() => ({})));
    const leftovers = await undoSplitJournal(context, this.cgroups);
    if (leftovers.length === 0) return ok(null);
    return fail('SYSTEM_ERROR', `could not undo ${leftovers.length} split-tunnel change(s); they stay in the journal`, {
      reason: 'apply-failed',
      notUndone: leftovers,
    });
  }
}

function isMissingNft(error: unknown): boolean {
  return error instanceof CommandFailedError && error.file === 'nft' && error.result.code === 127;
}

function failureReason(error: unknown): 'no-nftables' | 'apply-failed' {
  return isMissingNft(error) ? 'no-nftables' : 'apply-failed';
}

function describeFailure(error: unknown): string {
  if (isMissingNft(error)) return 'nft is not installed: split tunnelling needs nftables';
  return `could not set up split tunnelling: ${errorMessage(error)}`;
}
