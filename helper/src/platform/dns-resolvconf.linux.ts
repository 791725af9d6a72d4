// DNS through resolvconf, exactly as wg-quick feeds it: `resolvconf -a [prefix]IF -m 0 -x` with the records on stdin (wireguard.md §5.3).
import { promises as fs } from 'node:fs';
import type { SystemChange } from './journal.js';
import { recordThenRun, runUndo, type LinuxContext } from './linux-context.js';
import type { CheckedPlan } from './plan-validation.js';

type Dns = NonNullable<CheckedPlan['dns']>;

/** `nameserver X` lines and one `search` line: wg-quick's resolvconf input and our resolv.conf body. */
export function resolverLines(dns: Dns): string {
  const lines = dns.servers.map((server) => `nameserver ${server}\n`);
  if (dns.search.length > 0) lines.push(`search ${dns.search.join(' ')}\n`);
  return lines.join('');
}

/**
 * Debian's resolvconf orders records by /etc/resolvconf/interface-order; wg-quick names its record after the
 * first `NAME*` pattern there (usually `tun.`) so it ranks first. Not when resolvconf is systemd's shim (a symlink).
 */
async function recordPrefix(context: LinuxContext, resolvconfPath: string): Promise<string> {
  if (await context.probe.isSymlink(resolvconfPath)) return '';
  let order: string;
  try {
    order = await fs.readFile(context.paths.resolvconfInterfaceOrder, 'utf8');
  } catch {
    return '';
  }
  for (const line of order.split('\n')) {
    const match = /^([A-Za-z0-9-]+)\*$/.exec(line.trim());
    if (match) return `${match[1]}.`;
  }
  return '';
}

export async function applyResolvconfDns(context: LinuxContext, interfaceName: string, dns: Dns, resolvconfPath: string): Promise<void> {
  const recordName = `${await recordPrefix(context, resolvconfPath)}${interfaceName}`;
  const change: SystemChange = { kind: 'dns', backend: 'resolvconf', recordName };
  await recordThenRun(context, change, () =>
    context.runner.run('resolvconf', ['-a', recordName, '-m', '0', '-x'], { input: resolverLines(dns) }),
  );
}

/** `-f`: no complaint if the record is already gone. */
export async function undoResolvconfDns(context: LinuxContext, change: Extract<SystemChange, { backend: 'resolvconf' }>): Promise<void> {
  await runUndo(context, 'resolvconf', ['-d', change.recordName, '-f']);
}
