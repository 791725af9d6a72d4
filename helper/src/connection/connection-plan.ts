// What a stored profile means for one connection: the Device's peers and the network plan (wg-quick semantics).
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { cidrContains, excludeCidrs, formatCidr, isDefaultRoute, makeCidr, parseCidr, type Cidr } from '../../../shared/src/net/cidr.js';
import { parseIp } from '../../../shared/src/net/ip-address.js';
import { parseKey } from '../../../shared/src/keys/base64-key.js';
import type { Endpoint, PeerConfig } from '../wireguard/device.js';
import type { TunnelNetworkPlan } from '../platform/network.js';

export interface RoutingChoice {
  /** Mark on Ferry's UDP socket and number of the table holding the tunnel's default route(s). */
  fwmark: number;
  table: number;
}

function allowedCidrs(config: WgQuickConfig): Cidr[] {
  const cidrs: Cidr[] = [];
  for (const peer of config.peers) {
    for (const text of peer.allowedIps) {
      const parsed = parseCidr(text);
      if (parsed.ok) cidrs.push(parsed.cidr);
    }
  }
  return cidrs;
}

/** Which families route everything (/0) into the tunnel: those need wg-quick's policy routing. */
export function defaultRouteFamilies(config: WgQuickConfig): { ipv4: boolean; ipv6: boolean } {
  const defaults = allowedCidrs(config).filter(isDefaultRoute);
  return { ipv4: defaults.some((c) => c.family === 4), ipv6: defaults.some((c) => c.family === 6) };
}

/** The Device's view of the profile's peers; `endpoints[i]` is peer i's resolved endpoint. */
export function devicePeers(config: WgQuickConfig, endpoints: (Endpoint | undefined)[]): PeerConfig[] {
  return config.peers.map((peer, i) => {
    const allowedIps = peer.allowedIps.flatMap((text) => {
      const parsed = parseCidr(text);
      return parsed.ok ? [{ address: parsed.cidr.address, prefixLength: parsed.cidr.prefixLength }] : [];
    });
    const presharedKey = peer.presharedKey ? parseKey(peer.presharedKey) : null;
    return {
      publicKey: requireKey(peer.publicKey, `peer ${i + 1} public key`),
      ...(presharedKey ? { presharedKey } : {}),
      ...(endpoints[i] ? { endpoint: endpoints[i] } : {}),
      allowedIps,
      ...(peer.persistentKeepalive ? { persistentKeepaliveSeconds: peer.persistentKeepalive } : {}),
    };
  });
}

export function requireKey(text: string | undefined, what: string): Uint8Array {
  const key = text ? parseKey(text) : null;
  if (!key) throw new Error(`the profile's ${what} is missing or invalid`);
  return key;
}

/** The servers' addresses as host networks: given (resolved endpoints), or else the endpoints written as IP literals. */
function serverHosts(config: WgQuickConfig, endpointAddresses: readonly string[] | undefined): Cidr[] {
  const addresses = endpointAddresses ?? config.peers.flatMap((peer) => (peer.endpoint ? [peer.endpoint.host] : []));
  return addresses.flatMap((address) => {
    const bytes = parseIp(address);
    return bytes ? [makeCidr(bytes, bytes.length * 8)] : [];
  });
}

/**
 * Routes for the AllowedIPs other than /0. One that holds a server's address is split around it: routed into the
 * tunnel, Ferry's own encrypted packets to that server would loop (the socket's mark only helps with policy routing,
 * and even then the explicit route in the main table wins).
 */
function tunnelRoutes(config: WgQuickConfig, endpointAddresses: readonly string[] | undefined): string[] {
  const servers = serverHosts(config, endpointAddresses);
  return allowedCidrs(config)
    .filter((cidr) => !isDefaultRoute(cidr))
    .flatMap((cidr) => (servers.some((server) => cidrContains(cidr, server)) ? excludeCidrs([cidr], servers) : [cidr]))
    .sort((a, b) => b.prefixLength - a.prefixLength)
    .map(formatCidr);
}

/**
 * The system changes for this profile: addresses, MTU, routes, policy routing for /0, DNS. `endpointAddresses` are
 * the servers' resolved addresses (without them, only endpoints written as IP literals are kept out of the routes).
 */
export function networkPlan(
  config: WgQuickConfig,
  interfaceName: string,
  mtuBytes: number,
  routing: RoutingChoice | null,
  endpointAddresses?: readonly string[],
): TunnelNetworkPlan {
  const routesOff = config.interface.table?.kind === 'off';
  const families = defaultRouteFamilies(config);
  const routes = routesOff ? [] : tunnelRoutes(config, endpointAddresses);
  const needsPolicyRouting = !routesOff && (families.ipv4 || families.ipv6) && routing !== null;
  const { dns, dnsSearch } = config.interface;
  return {
    interfaceName,
    addresses: [...config.interface.addresses],
    mtuBytes,
    routes: [...new Set(routes)],
    fullTunnel: needsPolicyRouting ? { ...families, fwmark: routing.fwmark, table: routing.table } : null,
    dns: dns.length > 0 ? { servers: [...dns], search: [...dnsSearch] } : null,
  };
}
