// The tunnel MTU when the profile sets none: the path MTU towards the endpoint minus WireGuard's 80 bytes (wireguard.md §5.4).
import { canonicalIp, ipFamily } from '../../../shared/src/net/ip-address.js';
import { DEFAULT_MTU_BYTES } from '../wireguard/constants.js';
import type { CommandRunner } from './command-runner.js';
import { parseJsonArray } from './linux-context.js';

/** Outer IPv6 40 + UDP 8 + WireGuard header 16 + tag 16: the worst case, so one MTU fits both outer families. */
export const WIREGUARD_OVERHEAD_BYTES = 80;

interface IpJsonRoute {
  dev?: string;
  metrics?: { mtu?: unknown }[];
}

async function linkMtu(runner: CommandRunner, device: string): Promise<number | null> {
  const result = await runner.run('ip', ['-json', 'link', 'show', 'dev', device], { allowFailure: true });
  if (result.code !== 0) return null;
  const mtu = (parseJsonArray(result.stdout)[0] as { mtu?: unknown } | undefined)?.mtu;
  return typeof mtu === 'number' ? mtu : null;
}

async function pathMtu(runner: CommandRunner, address: string, family: 4 | 6): Promise<number | null> {
  const result = await runner.run('ip', ['-json', family === 4 ? '-4' : '-6', 'route', 'get', address], { allowFailure: true });
  if (result.code !== 0) return null;
  const route = parseJsonArray(result.stdout)[0] as IpJsonRoute | undefined;
  const routeMtu = route?.metrics?.map((metric) => metric.mtu).find((mtu) => typeof mtu === 'number');
  if (typeof routeMtu === 'number') return routeMtu;
  return route?.dev !== undefined && /^[A-Za-z0-9_.@-]+$/.test(route.dev) ? linkMtu(runner, route.dev) : null;
}

/**
 * `ip -json route get ADDR`: the route's `mtu` metric, else the MTU of the device it leaves by; minus 80.
 * 1420 when the address is not an IP or the route or device cannot be read.
 */
export async function defaultMtuFor(endpointAddress: string, runner: CommandRunner): Promise<number> {
  const address = canonicalIp(endpointAddress);
  const family = ipFamily(endpointAddress);
  if (address === null || family === null) return DEFAULT_MTU_BYTES;
  try {
    const mtu = await pathMtu(runner, address, family);
    return mtu === null ? DEFAULT_MTU_BYTES : mtu - WIREGUARD_OVERHEAD_BYTES;
  } catch {
    return DEFAULT_MTU_BYTES; // unparsable output: the safe default, not a failed connect
  }
}
