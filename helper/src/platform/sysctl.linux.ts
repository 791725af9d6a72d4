// Sysctls written directly under /proc/sys (per network namespace), previous value journaled — e.g. src_valid_mark (wireguard.md §5.2).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SystemChange } from './journal.js';
import { recordThenRun, type LinuxContext } from './linux-context.js';

/** rp_filter honours the fwmark only with this set; IPv6 has no counterpart. */
export const SRC_VALID_MARK_KEY = 'net.ipv4.conf.all.src_valid_mark';

function sysctlPath(context: LinuxContext, key: string): string {
  return path.join(context.paths.procSys, ...key.split('.'));
}

/** Sets `key` to `value` unless it already has it (newer wg-quick does the same), journaling the old value. */
export async function setSysctl(context: LinuxContext, key: string, value: string): Promise<void> {
  const filePath = sysctlPath(context, key);
  const previousValue = (await fs.readFile(filePath, 'utf8')).trim();
  if (previousValue === value) return;
  const change: SystemChange = { kind: 'sysctl', key, previousValue };
  await recordThenRun(context, change, () => fs.writeFile(filePath, `${value}\n`));
}

/** Writes the journaled value back. */
export async function undoSysctl(context: LinuxContext, change: Extract<SystemChange, { kind: 'sysctl' }>): Promise<void> {
  await fs.writeFile(sysctlPath(context, change.key), `${change.previousValue}\n`);
}
