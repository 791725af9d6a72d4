// Picks the DNS backend by what the host has — systemd-resolved, resolvconf, else resolv.conf itself — and undoes any of them.
import { applyFileDns, undoFileDns } from './dns-file.linux.js';
import { applyResolvconfDns, undoResolvconfDns } from './dns-resolvconf.linux.js';
import { applyResolvedDns, undoResolvedDns } from './dns-resolved.linux.js';
import type { SystemChange } from './journal.js';
import type { LinuxContext } from './linux-context.js';
import type { CheckedPlan } from './plan-validation.js';

export type DnsBackend = { kind: 'resolved' } | { kind: 'resolvconf'; path: string } | { kind: 'file' };

/** resolved when resolvectl exists and resolved is running; resolvconf when its binary exists; else the file. */
export async function chooseDnsBackend(context: LinuxContext): Promise<DnsBackend> {
  const { probe, dnsBackend } = context;
  if (dnsBackend === 'resolved' || dnsBackend === 'file') return { kind: dnsBackend };
  const resolvconf = await probe.findCommand('resolvconf');
  if (dnsBackend === 'resolvconf') return { kind: 'resolvconf', path: resolvconf ?? 'resolvconf' };
  if ((await probe.findCommand('resolvectl')) !== null && (await probe.pathExists(context.paths.systemdResolveDir))) {
    return { kind: 'resolved' };
  }
  return resolvconf !== null ? { kind: 'resolvconf', path: resolvconf } : { kind: 'file' };
}

export async function applyDns(context: LinuxContext, interfaceName: string, dns: NonNullable<CheckedPlan['dns']>): Promise<void> {
  const backend = await chooseDnsBackend(context);
  context.logger.info('setting DNS', { backend: backend.kind, servers: dns.servers, search: dns.search });
  if (backend.kind === 'resolved') await applyResolvedDns(context, interfaceName, dns);
  else if (backend.kind === 'resolvconf') await applyResolvconfDns(context, interfaceName, dns, backend.path);
  else await applyFileDns(context, interfaceName, dns);
}

export async function undoDns(context: LinuxContext, change: Extract<SystemChange, { kind: 'dns' }>): Promise<void> {
  if (change.backend === 'resolved') await undoResolvedDns(context, change);
  else if (change.backend === 'resolvconf') await undoResolvconfDns(context, change);
  else await undoFileDns(context, change);
}
