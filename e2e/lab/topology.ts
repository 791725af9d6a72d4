// Builds and removes the lab's network namespaces and veth links (iproute2, sysctl inside each namespace only).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { PREFIX_V4, PREFIX_V6, WAN_IFNAME, type LinkPlan } from './addressing.js';
import { run, runIn } from './exec.js';

/** Creates network namespace `ns` with loopback up and IPv6 duplicate address detection off (no 2 s waits). */
export async function createNamespace(ns: string): Promise<void> {
  await run('ip', ['netns', 'add', ns]);
  await setSysctls(ns, {
    'net.ipv6.conf.all.accept_dad': '0',
    'net.ipv6.conf.default.accept_dad': '0',
    'net.ipv6.conf.all.disable_ipv6': '0',
  });
  await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
}

export async function setSysctls(ns: string, values: Record<string, string>): Promise<void> {
  const assignments = Object.entries(values).map(([key, value]) => `${key}=${value}`);
  await runIn(ns, 'sysctl', ['-q', '-w', ...assignments]);
}

/** Turns the namespace into a router for both families. */
export async function enableForwarding(ns: string): Promise<void> {
  await setSysctls(ns, { 'net.ipv4.ip_forward': '1', 'net.ipv6.conf.all.forwarding': '1' });
}

/**
 * Connects `hostNs` to the hub: a veth pair whose host end is `eth0` (addresses and default routes from `plan`)
 * and whose hub end is `hubIfname` in `hubNs` (carrying the gateway addresses).
 */
export async function linkToHub(hubNs: string, hubIfname: string, hostNs: string, plan: LinkPlan): Promise<void> {
  await run('ip', ['link', 'add', WAN_IFNAME, 'netns', hostNs, 'type', 'veth', 'peer', 'name', hubIfname, 'netns', hubNs]);
  await addAddresses(hubNs, hubIfname, [`${plan.gatewayV4}/${PREFIX_V4}`, `${plan.gatewayV6}/${PREFIX_V6}`]);
  await addAddresses(hostNs, WAN_IFNAME, [`${plan.v4}/${PREFIX_V4}`, `${plan.v6}/${PREFIX_V6}`]);
  await run('ip', ['-n', hubNs, 'link', 'set', hubIfname, 'up']);
  await run('ip', ['-n', hostNs, 'link', 'set', WAN_IFNAME, 'up']);
  await run('ip', ['-n', hostNs, '-4', 'route', 'add', 'default', 'via', plan.gatewayV4, 'dev', WAN_IFNAME]);
  await run('ip', ['-n', hostNs, '-6', 'route', 'add', 'default', 'via', plan.gatewayV6, 'dev', WAN_IFNAME]);
}

/** Adds CIDR addresses to an interface (IPv6 ones without duplicate address detection). */
export async function addAddresses(ns: string, ifname: string, cidrs: readonly string[]): Promise<void> {
  for (const cidr of cidrs) {
    const extra = cidr.includes(':') ? ['nodad'] : [];
    await run('ip', ['-n', ns, 'addr', 'add', cidr, 'dev', ifname, ...extra]);
  }
}

/**
 * Gives namespace `ns` its own resolv.conf: `ip netns exec` bind-mounts /etc/netns/NS/resolv.conf over
 * /etc/resolv.conf, so whatever runs in the namespace (ferryd's DNS backend included) reads and writes this file.
 */
export function writeNamespaceResolvConf(ns: string, text: string): string {
  const dir = `/etc/netns/${ns}`;
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const path = `${dir}/resolv.conf`;
  writeFileSync(path, text, { mode: 0o644 });
  return path;
}

export function removeNamespaceEtc(ns: string): void {
  rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
}

/** Deletes a namespace if it exists; its interfaces (veth ends, TUN devices) go with it. */
export async function deleteNamespace(ns: string): Promise<void> {
  if (!(await listNamespaces()).includes(ns)) return;
  await run('ip', ['netns', 'delete', ns]);
}

export async function listNamespaces(): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list']);
  return stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name !== '');
}
