// A Firewall for other modules' unit tests: records every policy it is given, checks them like the real one, and can be told to fail.
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Firewall, FirewallCounters, FirewallPolicy } from './firewall.js';
import { checkFirewallPolicy } from './firewall-validation.js';

const ZERO_COUNTERS: FirewallCounters = {
  outbound: { packets: 0, bytes: 0 },
  inbound: { packets: 0, bytes: 0 },
  forwarded: { packets: 0, bytes: 0 },
  dns: { packets: 0, bytes: 0 },
};

export class FakeFirewall implements Firewall {
  /** Every argument of set(), in order (null for removals), including ones made to fail. */
  readonly history: (FirewallPolicy | null)[] = [];
  /** What a previous ferryd "left behind": adopt() returns it. */
  leftBehind: FirewallPolicy | null = null;
  /** Counters reported while a policy is in force. */
  droppedCounters: FirewallCounters = structuredClone(ZERO_COUNTERS);
  private policy: FirewallPolicy | null = null;
  private nextSetError: string | null = null;

  /** The next set() returns SYSTEM_ERROR with this message and leaves the policy in force unchanged (like nft). */
  failNextSet(message = 'simulated nft failure'): void {
    this.nextSetError = message;
  }

  async set(policy: FirewallPolicy | null): Promise<FerryResult<void>> {
    this.history.push(policy === null ? null : structuredClone(policy));
    if (this.nextSetError !== null) {
      const message = this.nextSetError;
      this.nextSetError = null;
      return fail('SYSTEM_ERROR', message);
    }
    if (policy !== null) {
      const checked = checkFirewallPolicy(policy);
      if (!checked.ok) return fail('SYSTEM_ERROR', `the firewall policy is not valid: ${checked.problems.join('; ')}`);
    }
    this.policy = policy === null ? null : structuredClone(policy);
    return ok(undefined);
  }

  current(): FirewallPolicy | null {
    return this.policy === null ? null : structuredClone(this.policy);
  }

  async counters(): Promise<FerryResult<FirewallCounters | null>> {
    return ok(this.policy === null ? null : structuredClone(this.droppedCounters));
  }

  async adopt(): Promise<FerryResult<FirewallPolicy | null>> {
    this.policy = this.leftBehind === null ? null : structuredClone(this.leftBehind);
    return ok(this.current());
  }
}
