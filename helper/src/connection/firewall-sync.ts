// Keeps the system's block equal to firewallPolicy(state, settings, facts): one serialized sync at a time, and since when traffic is blocked (issue 4).
import { ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { ConnectionState } from '../../../shared/src/protocol/state.js';
import type { Logger } from '../log/logger.js';
import type { Firewall, FirewallPolicy, FirewallReason, FirewallSplit } from '../platform/firewall.js';
import type { Clock } from '../time/clock.js';
import { firewallPolicy, samePolicy, withSplit, type FirewallSettings, type ProfileFirewallFacts } from './firewall-policy.js';

/** What status reports as `blockedBy` / `blockedSince`. */
export interface BlockInfo {
  reason: FirewallReason;
  sinceWallMs: number;
}

export interface FirewallSyncDeps {
  firewall: Firewall;
  settings: () => FirewallSettings;
  state: () => ConnectionState;
  /** Split tunnelling in force (issue 6), which the block lets through (exclude) or keeps behind it (include). */
  split?: () => FirewallSplit | null;
  clock: Clock;
  logger: Logger;
  /** Called when the block starts, ends or changes its reason (status announces it). */
  onBlockChange: () => void;
}

export class FirewallSync {
  /** What the block must know of the connection being made; null when there is none. */
  facts: ProfileFirewallFacts | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private sinceWallMs: number | null = null;
  /** False after adopt() failed: the kernel may hold a table we know nothing of, so the next sync writes anyway. */
  private knowsKernel = true;

  constructor(private readonly deps: FirewallSyncDeps) {}

  /**
   * Makes the block match the present state, settings and facts. Serialized and evaluated when its turn comes,
   * so the last call always wins with the latest inputs (a "same as current" check never skips a pending change).
   */
  sync(): Promise<FerryResult<void>> {
    const next = this.queue.then(() => this.syncNow());
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** At start-up: takes over the block a previous ferryd left (its start time is unknown: from now). */
  async adopt(): Promise<FerryResult<FirewallPolicy | null>> {
    const adopted = await this.deps.firewall.adopt();
    if (!adopted.ok) {
      this.knowsKernel = false;
      this.deps.logger.error('could not read the block an earlier ferryd left; it will be rewritten', { error: adopted.error.message });
    }
    this.noteBlock(null, this.deps.firewall.current());
    return adopted;
  }

  block(): BlockInfo | null {
    const policy = this.deps.firewall.current();
    if (policy === null || this.sinceWallMs === null) return null;
    return { reason: policy.reason, sinceWallMs: this.sinceWallMs };
  }

  private async syncNow(): Promise<FerryResult<void>> {
    const { firewall, logger } = this.deps;
    const desired = withSplit(firewallPolicy(this.deps.state(), this.deps.settings(), this.facts), this.deps.split?.() ?? null);
    const before = firewall.current();
    if (this.knowsKernel && samePolicy(desired, before)) return ok(undefined);
    const result = await firewall.set(desired);
    if (result.ok) this.knowsKernel = true;
    else logger.error('could not change the firewall', { error: result.error.message, wanted: desired?.reason ?? 'none' });
    this.noteBlock(before, firewall.current());
    return result;
  }

  /** A block replacing another keeps its start: traffic was blocked all along. */
  private noteBlock(before: FirewallPolicy | null, after: FirewallPolicy | null): void {
    const sinceBefore = this.sinceWallMs;
    if (after === null) this.sinceWallMs = null;
    else if (before === null || this.sinceWallMs === null) this.sinceWallMs = this.deps.clock.wallMs();
    if (sinceBefore !== this.sinceWallMs || before?.reason !== after?.reason) this.deps.onBlockChange();
  }
}
