// Turns a profile's `Endpoint = host:port` into an address once, at connect time, like wg(8) does.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { WgEndpoint } from '../../../shared/src/config/wg-config.js';
import type { Endpoint } from '../wireguard/device.js';

export type HostLookup = (host: string) => Promise<string>;

/** getaddrinfo's first answer wins, as in wg(8). */
export const systemHostLookup: HostLookup = async (host) => (await lookup(host)).address;

export async function resolveEndpoint(endpoint: WgEndpoint, lookupHost: HostLookup = systemHostLookup): Promise<Endpoint> {
  const address = isIP(endpoint.host) ? endpoint.host : await lookupHost(endpoint.host);
  return { address, port: endpoint.port };
}

export function formatEndpoint(endpoint: Endpoint): string {
  return isIP(endpoint.address) === 6 ? `[${endpoint.address}]:${endpoint.port}` : `${endpoint.address}:${endpoint.port}`;
}
