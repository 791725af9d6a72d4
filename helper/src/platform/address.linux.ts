// Interface addresses, v4 and v6, as wg-quick adds them: `ip -4|-6 address add X dev IF` (wireguard.md §4.3).
import type { SystemChange } from './journal.js';
import { familyFlag, recordThenRun, runUndo, type LinuxContext } from './linux-context.js';
import type { PlannedPrefix } from './plan-validation.js';

/** Adds each address not already on the link; ones already there are not ours and are not journaled. */
export async function addAddresses(
  context: LinuxContext,
  interfaceName: string,
  addresses: PlannedPrefix[],
  present: readonly string[],
): Promise<void> {
  for (const address of addresses) {
    if (present.includes(address.text)) continue;
    const change: SystemChange = { kind: 'address', interfaceName, family: address.family, address: address.text };
    await recordThenRun(context, change, () =>
      context.runner.run('ip', [familyFlag(address.family), 'address', 'add', address.text, 'dev', interfaceName]),
    );
  }
}

/** Removes the address; gone with the link (or flushed by link-down for IPv6) counts as removed. */
export async function undoAddress(context: LinuxContext, change: Extract<SystemChange, { kind: 'address' }>): Promise<void> {
  await runUndo(context, 'ip', [familyFlag(change.family), 'address', 'del', change.address, 'dev', change.interfaceName]);
}
