// Interface addresses, v4 and v6, as wg-quick adds them: `ip -4|-6 address add X dev IF` (wireguard.md §4.3).
import type { IpStep } from './ip-batch.linux.js';
import type { SystemChange } from './journal.js';
import { familyFlag, runUndo, type LinuxContext } from './linux-context.js';
import type { PlannedPrefix } from './plan-validation.js';

/** One step per address not already on the link; ones already there are not ours and are not journaled. */
export function addressSteps(interfaceName: string, addresses: PlannedPrefix[], present: readonly string[]): IpStep[] {
  return addresses
    .filter((address) => !present.includes(address.text))
    .map((address) => ({
      change: { kind: 'address', interfaceName, family: address.family, address: address.text },
      args: [familyFlag(address.family), 'address', 'add', address.text, 'dev', interfaceName],
    }));
}

/** Removes the address; gone with the link (or flushed by link-down for IPv6) counts as removed. */
export async function undoAddress(context: LinuxContext, change: Extract<SystemChange, { kind: 'address' }>): Promise<void> {
  await runUndo(context, 'ip', [familyFlag(change.family), 'address', 'del', change.address, 'dev', change.interfaceName]);
}
