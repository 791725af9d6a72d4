// A NetworkConfigurator for other modules' unit tests: records the plans it is given and can be told to fail.
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { NetworkConfigurator, TunnelNetworkPlan } from './network.js';

export class FakeNetworkConfigurator implements NetworkConfigurator {
  /** Every plan passed to apply(), in order, including ones that were made to fail. */
  readonly appliedPlans: TunnelNetworkPlan[] = [];
  /** The plan currently "on the system", null after revert. */
  current: TunnelNetworkPlan | null = null;
  revertCount = 0;
  recoverCount = 0;
  private nextApplyError: string | null = null;
  private nextRevertError: string | null = null;

  /** The next apply() returns SYSTEM_ERROR with this message (and leaves nothing applied). */
  failNextApply(message = 'simulated failure'): void {
    this.nextApplyError = message;
  }

  failNextRevert(message = 'simulated failure'): void {
    this.nextRevertError = message;
  }

  async apply(plan: TunnelNetworkPlan): Promise<FerryResult<void>> {
    this.appliedPlans.push(structuredClone(plan));
    this.current = null;
    if (this.nextApplyError !== null) {
      const message = this.nextApplyError;
      this.nextApplyError = null;
      return fail('SYSTEM_ERROR', message);
    }
    this.current = structuredClone(plan);
    return ok(undefined);
  }

  async revert(): Promise<FerryResult<void>> {
    this.revertCount += 1;
    if (this.nextRevertError !== null) {
      const message = this.nextRevertError;
      this.nextRevertError = null;
      return fail('SYSTEM_ERROR', message);
    }
    this.current = null;
    return ok(undefined);
  }

  async recover(): Promise<FerryResult<void>> {
    this.recoverCount += 1;
    this.current = null;
    return ok(undefined);
  }
}
