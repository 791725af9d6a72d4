// The Linux Firewall: Ferry's own nftables table `inet ferry`, persisted first, replaced atomically by one `nft -f -` (issue 4).
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Clock } from '../time/clock.js';
import type { CommandRunner } from './command-runner.js';
import type { DropCount, Firewall, FirewallCounters, FirewallPolicy } from './firewall.js';
import { DROP_COUNTER_NAMES, FIREWALL_TABLE_FAMILY, FIREWALL_TABLE_NAME, firewallRuleset } from './firewall-ruleset.linux.js';
import { loadFirewallState, removeFirewallState, saveFirewallState } from './firewall-state.js';
import { checkFirewallPolicy } from './firewall-validation.js';
import { silentLogger, type PlatformLogger } from './network.js';

export interface LinuxFirewallOptions {
  runner: CommandRunner;
  /** Holds firewall.json (created 0700 if missing). */
  stateDir: string;
  clock: Clock;
  logger?: PlatformLogger;
}

/** What nft says when the table to delete or list is not there. */
const NO_TABLE = /No such file or directory/i;

/*
 * set(policy): check → firewall.json ← policy → nft -f - (add + delete + table, one transaction)
 *                 └─ nft refuses → firewall.json ← the previous policy (the previous table is untouched)
 * set(null):   nft delete table inet ferry (absent is fine) → firewall.json removed
 * adopt():     firewall.json → current(); the kernel is not touched
 */
export class LinuxFirewall implements Firewall {
  private policy: FirewallPolicy | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly logger: PlatformLogger;

  constructor(private readonly options: LinuxFirewallOptions) {
    this.logger = options.logger ?? silentLogger;
  }

  set(policy: FirewallPolicy | null): Promise<FerryResult<void>> {
    return this.serialized(() => (policy === null ? this.removeNow() : this.installNow(structuredClone(policy))));
  }

  current(): FirewallPolicy | null {
    return this.policy === null ? null : structuredClone(this.policy);
  }

  counters(): Promise<FerryResult<FirewallCounters | null>> {
    return this.serialized(() => this.readCounters());
  }

  adopt(): Promise<FerryResult<FirewallPolicy | null>> {
    return this.serialized(() => this.adoptNow());
  }

  /** One operation at a time: two overlapping sets would race on firewall.json. */
  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async installNow(policy: FirewallPolicy): Promise<FerryResult<void>> {
    const checked = checkFirewallPolicy(policy);
    if (!checked.ok) return fail('SYSTEM_ERROR', `the firewall policy is not valid: ${checked.problems.join('; ')}`, { problems: checked.problems });
    const { runner, stateDir } = this.options;
    const logger = this.logger;
    try {
      await saveFirewallState(stateDir, policy);
      const result = await runner.run('nft', ['-f', '-'], { input: firewallRuleset(checked.policy), allowFailure: true });
      if (result.code !== 0) {
        await this.rememberPrevious();
        logger.warn('nft refused the firewall table', { exitCode: result.code, stderr: result.stderr.trim() });
        return fail('SYSTEM_ERROR', `could not install the firewall: ${result.stderr.trim() || `nft exited with ${result.code}`}`, { stderr: result.stderr.trim() });
      }
    } catch (error) {
      return fail('SYSTEM_ERROR', `could not install the firewall: ${(error as Error).message}`);
    }
    this.policy = policy;
    logger.info('firewall in force', { reason: policy.reason, tunnelInterface: policy.tunnelInterface, allowLan: policy.allowLan });
    return ok(undefined);
  }

  /** nft changes nothing when it refuses a script: the file goes back to what is still in force. */
  private async rememberPrevious(): Promise<void> {
    if (this.policy === null) await removeFirewallState(this.options.stateDir);
    else await saveFirewallState(this.options.stateDir, this.policy);
  }

  private async removeNow(): Promise<FerryResult<void>> {
    const { runner, stateDir } = this.options;
    const logger = this.logger;
    try {
      const result = await runner.run('nft', ['delete', 'table', FIREWALL_TABLE_FAMILY, FIREWALL_TABLE_NAME], { allowFailure: true });
      if (result.code !== 0 && !NO_TABLE.test(result.stderr)) {
        return fail('SYSTEM_ERROR', `could not remove the firewall: ${result.stderr.trim() || `nft exited with ${result.code}`}`, { stderr: result.stderr.trim() });
      }
      await removeFirewallState(stateDir);
    } catch (error) {
      return fail('SYSTEM_ERROR', `could not remove the firewall: ${(error as Error).message}`);
    }
    if (this.policy !== null) logger.info('firewall removed', { reason: this.policy.reason });
    this.policy = null;
    return ok(undefined);
  }

  private async adoptNow(): Promise<FerryResult<FirewallPolicy | null>> {
    const { stateDir, clock } = this.options;
    const logger = this.logger;
    try {
      const loaded = await loadFirewallState(stateDir, clock.wallMs());
      if (!loaded.ok) {
        logger.warn('the firewall state could not be read and was moved aside; the table stays until the next set()', { movedTo: loaded.movedTo });
        return fail('SYSTEM_ERROR', loaded.message, { movedTo: loaded.movedTo });
      }
      this.policy = loaded.policy;
      if (loaded.policy) logger.warn('a previous ferryd left traffic blocked', { reason: loaded.policy.reason });
      return ok(this.current());
    } catch (error) {
      return fail('SYSTEM_ERROR', `could not read the firewall state: ${(error as Error).message}`);
    }
  }

  private async readCounters(): Promise<FerryResult<FirewallCounters | null>> {
    const args = ['-j', 'list', 'counters', 'table', FIREWALL_TABLE_FAMILY, FIREWALL_TABLE_NAME];
    const result = await this.options.runner.run('nft', args, { allowFailure: true });
    if (result.code !== 0) {
      if (NO_TABLE.test(result.stderr)) return ok(null);
      return fail('SYSTEM_ERROR', `could not read the firewall counters: ${result.stderr.trim()}`, { stderr: result.stderr.trim() });
    }
    try {
      return ok(parseCounters(result.stdout));
    } catch (error) {
      return fail('SYSTEM_ERROR', `could not parse the firewall counters: ${(error as Error).message}`);
    }
  }
}

interface NftCounter {
  counter?: { name?: unknown; table?: unknown; packets?: unknown; bytes?: unknown };
}

/** `nft -j list counters table inet ferry` → our four named counters (missing ones read as zero). */
export function parseCounters(stdout: string): FirewallCounters {
  const document = JSON.parse(stdout) as { nftables?: NftCounter[] };
  const byName = new Map<string, DropCount>();
  for (const item of document.nftables ?? []) {
    const counter = item.counter;
    if (!counter || counter.table !== FIREWALL_TABLE_NAME || typeof counter.name !== 'string') continue;
    byName.set(counter.name, { packets: Number(counter.packets ?? 0), bytes: Number(counter.bytes ?? 0) });
  }
  const read = (name: string): DropCount => byName.get(name) ?? { packets: 0, bytes: 0 };
  return {
    outbound: read(DROP_COUNTER_NAMES.outbound),
    inbound: read(DROP_COUNTER_NAMES.inbound),
    forwarded: read(DROP_COUNTER_NAMES.forwarded),
    dns: read(DROP_COUNTER_NAMES.dns),
  };
}
