// Where the latency prober aims: the setting, else the profile's first DNS server inside AllowedIPs, else the first host of the tunnel network.
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { cidrContains, maskAddress, parseCidr, parsePrefixedAddress, sameBytes, type Cidr } from '../../../shared/src/net/cidr.js';
import { parseIp } from '../../../shared/src/net/ip-address.js';
import type { ProbeAddresses } from '../stats/latency-prober.js';

/** The setting's value that turns probing off; null means "choose automatically". */
export const PROBE_OFF = 'off';

interface OwnAddress {
  address: Uint8Array;
  prefixLength: number;
}

/** The probe's source and destination, or null when probing is off or nothing suitable exists. */
export function probeAddresses(config: WgQuickConfig, setting: string | null): ProbeAddresses | null {
  if (setting === PROBE_OFF) return null;
  const own = ownAddresses(config);
  const allowed = allowedCidrs(config);
  const candidates = setting !== null ? [parseIp(setting)] : [...dnsInsideTunnel(config, allowed), ...firstHosts(own, allowed)];
  for (const destination of candidates) {
    const source = destination ? own.find((address) => address.address.length === destination.length) : undefined;
    if (destination && source) return { source: source.address, destination };
  }
  return null;
}

function ownAddresses(config: WgQuickConfig): OwnAddress[] {
  return config.interface.addresses.flatMap((text) => {
    const parsed = parsePrefixedAddress(text);
    return parsed.ok ? [{ address: parsed.value.address, prefixLength: parsed.value.prefixLength }] : [];
  });
}

function allowedCidrs(config: WgQuickConfig): Cidr[] {
  return config.peers.flatMap((peer) =>
    peer.allowedIps.flatMap((text) => {
      const parsed = parseCidr(text);
      return parsed.ok ? [parsed.cidr] : [];
    }),
  );
}

function dnsInsideTunnel(config: WgQuickConfig, allowed: Cidr[]): Uint8Array[] {
  return config.interface.dns.flatMap((text) => {
    const server = parseIp(text);
    return server && allowed.some((cidr) => cidrContains(cidr, server)) ? [server] : [];
  });
}

/**
 * The tunnel network's first host (or second, when the first is ours). The network is the address's own prefix, or
 * for a host address (/32, /128) the narrowest AllowedIPs prefix other than /0 that holds it.
 */
function firstHosts(own: OwnAddress[], allowed: Cidr[]): Uint8Array[] {
  return own.flatMap(({ address, prefixLength }) => {
    const maxPrefix = address.length * 8;
    const holding = allowed.filter((cidr) => cidr.prefixLength > 0 && cidr.prefixLength < maxPrefix - 1 && cidrContains(cidr, address));
    const narrowest = holding.sort((a, b) => b.prefixLength - a.prefixLength)[0];
    const networkPrefix = prefixLength < maxPrefix - 1 ? prefixLength : narrowest?.prefixLength;
    if (networkPrefix === undefined) return [];
    const network = maskAddress(address, networkPrefix);
    const first = withLastByteOffset(network, 1);
    return [sameBytes(first, address) ? withLastByteOffset(network, 2) : first];
  });
}

function withLastByteOffset(network: Uint8Array, offset: number): Uint8Array {
  const host = Uint8Array.from(network);
  host[host.length - 1] = (host[host.length - 1] ?? 0) + offset;
  return host;
}
