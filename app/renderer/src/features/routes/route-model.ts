// The Routes & DNS page's model: a peer's AllowedIPs read as full-tunnel switches (v4/v6), "exclude private networks"
// (the complement of the LAN ranges, computed with excludeCidrs) and custom entries, and written back the same way.
import { excludeCidrs, formatCidr, parseCidr, cidrContains, type Cidr } from '../../../../../shared/src/net/cidr.js';
import { parseIp } from '../../../../../shared/src/net/ip-address.js';
import type { PublicPeer, PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';

/** What stays on the local network with "exclude private networks": RFC 1918, link-local, multicast, broadcast (v4). */
export const PRIVATE_RANGES_V4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '224.0.0.0/4', '255.255.255.255/32'];
/** …and ULA (RFC 4193), link-local and multicast (v6). */
export const PRIVATE_RANGES_V6 = ['fc00::/7', 'fe80::/10', 'ff00::/8'];

const DEFAULT_ROUTE = { 4: '0.0.0.0/0', 6: '::/0' } as const;
type Family = 4 | 6;

export interface RoutesDraft {
  fullV4: boolean;
  fullV6: boolean;
  excludePrivate: boolean;
  /** Canonical CIDRs routed through the tunnel besides the full-tunnel ranges. */
  custom: string[];
  dns: string[];
  dnsSearch: string[];
}

function cidrsOf(texts: readonly string[]): Cidr[] {
  return texts.flatMap((text) => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.cidr] : [];
  });
}

/** The peer's endpoint as a host route when it is an IP literal: it must never be routed into its own tunnel. */
function endpointHole(peer: PublicPeer | undefined): Cidr[] {
  const host = peer?.endpoint?.host.replace(/%.*$/, '') ?? '';
  const address = parseIp(host);
  return address ? cidrsOf([`${host}/${address.length * 8}`]) : [];
}

/** "Everything but the local network (and the server itself)" for one family, as the fewest CIDRs. */
export function complementRoutes(family: Family, peer: PublicPeer | undefined): string[] {
  const holes = cidrsOf(family === 4 ? PRIVATE_RANGES_V4 : PRIVATE_RANGES_V6).concat(endpointHole(peer));
  return excludeCidrs(cidrsOf([DEFAULT_ROUTE[family]]), holes.filter((hole) => hole.family === family)).map(formatCidr);
}

/** DNS servers that "exclude private networks" would take out of the tunnel: they get host routes so DNS stays inside. */
export function dnsHostRoutes(dns: readonly string[], families: { fullV4: boolean; fullV6: boolean }): string[] {
  const privateRanges = cidrsOf([...PRIVATE_RANGES_V4, ...PRIVATE_RANGES_V6]);
  return dns.flatMap((server) => {
    const address = parseIp(server);
    if (!address || !(address.length === 4 ? families.fullV4 : families.fullV6)) return [];
    return privateRanges.some((range) => cidrContains(range, address)) ? [`${server}/${address.length * 8}`] : [];
  });
}

function canonical(texts: readonly string[]): string[] {
  return cidrsOf(texts).map(formatCidr);
}

/** Reads a profile's peer: /0 or the complement per family become switches, the rest custom entries. */
export function draftFromProfile(profile: PublicProfile, peerIndex: number): RoutesDraft {
  const peer = profile.peers[peerIndex];
  const allowed = new Set(canonical(peer?.allowedIps ?? []));
  const complement = { 4: complementRoutes(4, peer), 6: complementRoutes(6, peer) };
  const viaComplement = (family: Family) => complement[family].every((cidr) => allowed.has(cidr));
  const excludePrivate = viaComplement(4) || viaComplement(6);
  const fullV4 = allowed.has(DEFAULT_ROUTE[4]) || viaComplement(4);
  const fullV6 = allowed.has(DEFAULT_ROUTE[6]) || viaComplement(6);
  const generated = new Set<string>([DEFAULT_ROUTE[4], DEFAULT_ROUTE[6]]);
  for (const family of [4, 6] as const) if (viaComplement(family)) complement[family].forEach((cidr) => generated.add(cidr));
  if (excludePrivate) canonical(dnsHostRoutes(profile.interface.dns, { fullV4, fullV6 })).forEach((cidr) => generated.add(cidr));
  return {
    fullV4,
    fullV6,
    excludePrivate,
    custom: [...allowed].filter((cidr) => !generated.has(cidr)),
    dns: [...profile.interface.dns],
    dnsSearch: [...profile.interface.dnsSearch],
  };
}

/** The peer's AllowedIPs for a draft: full-tunnel ranges first, then DNS host routes, then custom entries, no duplicates. */
export function allowedIpsOf(draft: RoutesDraft, peer: PublicPeer | undefined): string[] {
  const full: string[] = [];
  for (const [family, on] of [[4, draft.fullV4], [6, draft.fullV6]] as const) {
    if (on) full.push(...(draft.excludePrivate ? complementRoutes(family, peer) : [DEFAULT_ROUTE[family]]));
  }
  const dnsRoutes = draft.excludePrivate ? dnsHostRoutes(draft.dns, draft) : [];
  return [...new Set([...full, ...canonical(dnsRoutes), ...draft.custom])];
}

export function sameDraft(a: RoutesDraft, b: RoutesDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
