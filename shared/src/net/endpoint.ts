// Peer endpoints as wg(8) writes them: `host:port`, `[ipv6]:port` (optionally `%zone`), or `name:port`.
import { formatIp, parseIp, parseIpv6 } from './ip-address.js';
import { isValidHostname } from './hostname.js';

export interface HostPort {
  /** IP literal (canonical, no brackets, IPv6 may carry `%zone`) or host name. */
  host: string;
  port: number;
}

export type EndpointParse = { ok: true; endpoint: HostPort } | { ok: false; problem: string };

/** Parses a port: decimal 1–65535, or null. */
export function parsePortNumber(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/** Canonical host text: IP literals rewritten per RFC 5952, names kept; null if it is neither. */
export function canonicalHost(host: string): string | null {
  const zoneAt = host.indexOf('%');
  if (zoneAt >= 0) {
    const address = parseIpv6(host.slice(0, zoneAt));
    const zone = host.slice(zoneAt + 1);
    return address && /^[A-Za-z0-9_.-]{1,15}$/.test(zone) ? `${formatIp(address)}%${zone}` : null;
  }
  const address = parseIp(host);
  if (address) return formatIp(address);
  return isValidHostname(host) ? host : null;
}

/** Splits `host:port` like wg(8): a leading `[` means a bracketed IPv6 host, otherwise the last colon splits. */
function splitHostPort(text: string): { host: string; portText: string } | null {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0 || text[close + 1] !== ':') return null;
    return { host: text.slice(1, close), portText: text.slice(close + 2) };
  }
  const colon = text.lastIndexOf(':');
  if (colon < 0) return null;
  return { host: text.slice(0, colon), portText: text.slice(colon + 1) };
}

export function parseEndpoint(text: string): EndpointParse {
  const split = splitHostPort(text);
  if (!split) return { ok: false, problem: "is not 'host:port' (write IPv6 addresses as '[2001:db8::1]:51820')" };
  const { host, portText } = split;
  const canonical = canonicalHost(host);
  if (canonical === null) {
    // An unbracketed IPv6 address split at its last colon lands here.
    const hint = host.includes(':') && !text.startsWith('[') ? " (write IPv6 addresses as '[2001:db8::1]:51820')" : '';
    return { ok: false, problem: `has an invalid host '${host}'${hint}` };
  }
  const port = parsePortNumber(portText);
  if (port === null) return { ok: false, problem: `has an invalid port '${portText}' (expected 1-65535)` };
  return { ok: true, endpoint: { host: canonical, port } };
}

export function formatEndpoint(endpoint: HostPort): string {
  return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}
