// The tunnel link's state (`ip -json address show`) and its MTU + up configuration (wg-quick: `ip link set mtu N up dev IF`).
import { canonicalIp } from '../../../shared/src/net/ip-address.js';
import type { IpStep } from './ip-batch.linux.js';
import type { SystemChange } from './journal.js';
import { parseJsonArray, runUndo, type LinuxContext } from './linux-context.js';

export interface LinkState {
  mtuBytes: number;
  up: boolean;
  /** Canonical `ip/prefix` of every address on the link. */
  addresses: string[];
}

interface IpJsonLink {
  mtu?: number;
  flags?: string[];
  addr_info?: { local?: string; prefixlen?: number }[];
}

/** The link's MTU, admin state and addresses; null if there is no such link. */
export async function readLink(context: LinuxContext, interfaceName: string): Promise<LinkState | null> {
  const result = await context.runner.run('ip', ['-json', 'address', 'show', 'dev', interfaceName], { allowFailure: true });
  if (result.code !== 0) return null;
  const link = parseJsonArray(result.stdout)[0] as IpJsonLink | undefined;
  if (!link || typeof link.mtu !== 'number') return null;
  const addresses = (link.addr_info ?? []).flatMap((info) => {
    const ip = info.local === undefined ? null : canonicalIp(info.local);
    return ip === null || info.prefixlen === undefined ? [] : [`${ip}/${info.prefixlen}`];
  });
  return { mtuBytes: link.mtu, up: (link.flags ?? []).includes('UP'), addresses };
}

/** Setting the MTU and bringing the link up, journaling the previous MTU and admin state; none if nothing changes. */
export function linkSteps(interfaceName: string, mtuBytes: number, before: LinkState): IpStep[] {
  if (before.mtuBytes === mtuBytes && before.up) return [];
  const change: SystemChange = { kind: 'link', interfaceName, previousMtuBytes: before.mtuBytes, wasUp: before.up };
  return [{ change, args: ['link', 'set', 'dev', interfaceName, 'mtu', String(mtuBytes), 'up'] }];
}

/** Puts the MTU and admin state back; a link that is gone needs nothing. */
export async function undoLink(context: LinuxContext, change: Extract<SystemChange, { kind: 'link' }>): Promise<void> {
  const args = ['link', 'set', 'dev', change.interfaceName, 'mtu', String(change.previousMtuBytes)];
  await runUndo(context, 'ip', change.wasUp ? args : [...args, 'down']);
}
