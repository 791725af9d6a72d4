// A SplitTunnel for other modules' tests: records each config, lays groups out under a chosen directory, and can be told to fail.
import path from 'node:path';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { SplitCounters } from '../../../shared/src/protocol/split.js';
import type { SplitTunnel, SplitTunnelApplied, SplitTunnelConfig } from './split-tunnel.js';

export class FakeSplitTunnel implements SplitTunnel {
  /** Every config passed to set(), in order, including ones made to fail. */
  readonly configs: (SplitTunnelConfig | null)[] = [];
  current: SplitTunnelConfig | null = null;
  counterValues: Record<string, SplitCounters> = {};
  recoverCount = 0;
  private nextFailure: { message: string; reason: string } | null = null;

  /** Groups live at `<mountPoint>/<parentName(mode)>/<group>`; a test may make them real directories. */
  constructor(
    readonly mountPoint = '/fake-cgroup2',
    private readonly parentName: (mode: SplitTunnelConfig['mode']) => string = (mode) => `ferry-${mode}`,
  ) {}

  /** The next set() with a config fails with this reason (`no-cgroup2`, `no-nftables`…) and leaves nothing applied. */
  failNextSet(message = 'simulated failure', reason = 'apply-failed'): void {
    this.nextFailure = { message, reason };
  }

  layout(config: SplitTunnelConfig): SplitTunnelApplied {
    const parent = path.join(this.mountPoint, this.parentName(config.mode));
    return { mountPoint: this.mountPoint, groupDirs: Object.fromEntries(config.groups.map((group) => [group, path.join(parent, group)])) };
  }

  async set(config: SplitTunnelConfig | null): Promise<FerryResult<SplitTunnelApplied | null>> {
    this.configs.push(structuredClone(config));
    this.current = null;
    if (config === null) return ok(null);
    const failure = this.nextFailure;
    this.nextFailure = null;
    if (failure) return fail('SYSTEM_ERROR', failure.message, { reason: failure.reason });
    this.current = structuredClone(config);
    return ok(this.layout(config));
  }

  async counters(): Promise<FerryResult<Record<string, SplitCounters>>> {
    return ok(structuredClone(this.counterValues));
  }

  async recover(): Promise<FerryResult<void>> {
    this.recoverCount += 1;
    this.current = null;
    return ok(undefined);
  }
}
