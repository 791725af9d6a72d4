// DNS through systemd-resolved: per-link servers, and `~.` so the tunnel answers every query (`resolvectl dns|domain|revert`).
import type { SystemChange } from './journal.js';
import { recordThenRun, runUndo, type LinuxContext } from './linux-context.js';
import type { CheckedPlan } from './plan-validation.js';

type Dns = NonNullable<CheckedPlan['dns']>;

/** `resolvectl dns IF S…` then `resolvectl domain IF ~. D…`; resolved forgets both when the link goes. */
export async function applyResolvedDns(context: LinuxContext, interfaceName: string, dns: Dns): Promise<void> {
  const change: SystemChange = { kind: 'dns', backend: 'resolved', interfaceName };
  await recordThenRun(context, change, async () => {
    await context.runner.run('resolvectl', ['dns', interfaceName, ...dns.servers]);
    await context.runner.run('resolvectl', ['domain', interfaceName, '~.', ...dns.search]);
  });
}

/** `resolvectl revert IF` drops every per-link setting; an unknown link means resolved already did. */
export async function undoResolvedDns(context: LinuxContext, change: Extract<SystemChange, { backend: 'resolved' }>): Promise<void> {
  await runUndo(context, 'resolvectl', ['revert', change.interfaceName]);
}
