// Whether a set of networks covers all public (globally reachable) address space of a family: IPv4 minus the
// special-purpose ranges of the IANA registry (RFC 6890 and its updates) that are not globally reachable; IPv6's
// global unicast space 2000::/3 (RFC 4291 §2.4; everything else is link-local, ULA, multicast or reserved).
import { excludeCidrs, parseCidr, type Cidr } from './cidr.js';
import type { IpFamily } from './ip-address.js';

const NOT_PUBLIC_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4',
];

function cidrs(texts: readonly string[]): Cidr[] {
  return texts.flatMap((text) => {
    const parsed = parseCidr(text);
    return parsed.ok ? [parsed.cidr] : [];
  });
}

/** The public space of a family, as a minimal CIDR list. */
export function publicAddressSpace(family: IpFamily): Cidr[] {
  return family === 4 ? excludeCidrs(cidrs(['0.0.0.0/0']), cidrs(NOT_PUBLIC_V4)) : cidrs(['2000::/3']);
}

/**
 * True when `networks` leave no public address of `family` out, except `exempt` ones (a tunnel's server addresses,
 * which a "full tunnel minus private networks" routes outside so its own encrypted packets do not loop).
 */
export function coversPublicAddressSpace(networks: readonly Cidr[], family: IpFamily, exempt: readonly Cidr[] = []): boolean {
  const sameFamily = (cidr: Cidr) => cidr.family === family;
  const uncovered = excludeCidrs(publicAddressSpace(family), [...networks.filter(sameFamily), ...exempt.filter(sameFamily)]);
  return uncovered.length === 0;
}
