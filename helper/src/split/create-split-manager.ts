// Wires the split-tunnel engine for ferryd: Linux kernel side, split.json, /proc, cgroupfs and the process connector with polling fallback.
import { openProcConnector } from '../native/proc-connector.js';
import type { CommandRunner } from '../platform/command-runner.js';
import type { PlatformLogger } from '../platform/network.js';
import { LinuxSplitTunnel } from '../platform/split-tunnel.linux.js';
import type { Clock } from '../time/clock.js';
import { createCgroupFs } from './cgroup-fs.js';
import { FallbackEventSource } from './proc-event-source.js';
import { createProcFs, inChildPidNamespace } from './proc-fs.js';
import { ProcPoller } from './proc-poller.js';
import type { CaughtProcessEvent } from './process-watcher.js';
import { SplitManager } from './split-manager.js';
import { createSplitStore } from './split-store.js';
import { systemTimers } from './timers.js';

export interface SplitManagerOptions {
  runner: CommandRunner;
  stateDir: string;
  clock: Clock;
  logger: PlatformLogger;
  /** Issue 6's "host without cgroup v2" check points this at a file without a cgroup2 line. */
  mountInfoPath?: string;
  /** The parent cgroup of a mode (default `ferry-<mode>`); the lab gives each ferryd its own. */
  parentCgroupName?: (mode: 'exclude' | 'include') => string;
  onChange?(): void;
  onCaught?(event: CaughtProcessEvent): void;
}

/**
 * Loads split.json and applies it (call once at start-up). What a crashed ferryd left is not torn down first:
 * set() adopts the journaled cgroups, so the sockets of apps caught before the crash keep their path, and
 * removes whatever the stored settings no longer want (everything, when the mode is off).
 */
export async function createSplitManager(options: SplitManagerOptions): Promise<SplitManager> {
  const { runner, stateDir, clock, logger } = options;
  const splitTunnel = new LinuxSplitTunnel({
    runner,
    stateDir,
    clock,
    logger,
    ...(options.mountInfoPath ? { mountInfoPath: options.mountInfoPath } : {}),
    ...(options.parentCgroupName ? { parentCgroupName: options.parentCgroupName } : {}),
  });
  const procfs = createProcFs();
  const monotonicNs = (): bigint => process.hrtime.bigint();
  return SplitManager.open({
    splitTunnel,
    store: createSplitStore(stateDir, logger),
    procfs,
    cgroups: createCgroupFs(),
    openEvents: (onFallback) =>
      new FallbackEventSource({
        openConnector: () => openProcConnector(),
        openPoller: () => new ProcPoller(procfs, systemTimers, monotonicNs),
        inChildPidNamespace: inChildPidNamespace(),
        timers: systemTimers,
        onFallback,
      }),
    clock,
    monotonicNs,
    logger,
    ...(options.onChange ? { onChange: options.onChange } : {}),
    ...(options.onCaught ? { onCaught: options.onCaught } : {}),
  });
}
