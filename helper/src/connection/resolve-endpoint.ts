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

/**
 * Every peer's endpoint (undefined for peers without one). `fallback`: addresses to use for a host that does not
 * resolve, e.g. those of the block a crashed ferryd left, under which DNS outside the tunnel is dropped.
 */
export async function resolveProfileEndpoints(
  peers: readonly { endpoint?: WgEndpoint | undefined }[],
  lookupHost: HostLookup = systemHostLookup,
  fallback: readonly Endpoint[] = [],
): Promise<(Endpoint | undefined)[]> {
  const withEndpoint = peers.filter((peer) => peer.endpoint !== undefined);
  return Promise.all(
    peers.map(async (peer) => {
      if (!peer.endpoint) return undefined;
      try {
        return await resolveEndpoint(peer.endpoint, lookupHost);
      } catch {
        const port = peer.endpoint.port;
        // Same position among the peers with endpoints when the counts agree, else the first with the same port.
        const positional = fallback.length === withEndpoint.length ? fallback[withEndpoint.indexOf(peer)] : undefined;
        const known = positional?.port === port ? positional : fallback.find((candidate) => candidate.port === port);
        if (known) return { address: known.address, port };
        throw new Error(`cannot resolve the endpoint host "${peer.endpoint.host}"`);
      }
    }),
  );
}
