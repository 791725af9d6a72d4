// Checks a TunnelNetworkPlan and puts it in canonical form, so every argument handed to ip/nft/resolvectl is safe.
import { formatCidr, parseCidr, parsePrefixedAddress } from '../../../shared/src/net/cidr.js';
import { canonicalIp, formatIp, type IpFamily } from '../../../shared/src/net/ip-address.js';
import { INTERFACE_NAME_PATTERN, type FullTunnelPlan, type TunnelNetworkPlan } from './network.js';

export interface PlannedPrefix {
  family: IpFamily;
  /** Canonical `ip/prefix`. */
  text: string;
  prefixLength: number;
}

export interface CheckedPlan {
  interfaceName: string;
  mtuBytes: number;
  addresses: PlannedPrefix[];
  /** Deduplicated, longest prefix first (wg-quick's `sort -nr -k 2 -t /`). */
  routes: PlannedPrefix[];
  fullTunnel: FullTunnelPlan | null;
  dns: { servers: string[]; search: string[] } | null;
}

export type PlanCheck = { ok: true; plan: CheckedPlan } | { ok: false; problems: string[] };

const MIN_MTU_BYTES = 576;
const MAX_MTU_BYTES = 65_535;
/** Tables 253–255 are default/main/local; 0 is "unspecified". */
const RESERVED_TABLES = new Set([0, 253, 254, 255]);
const DOMAIN_LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const SEARCH_DOMAIN_PATTERN = new RegExp(`^${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*\\.?$`);

function checkAddresses(texts: string[], problems: string[]): PlannedPrefix[] {
  const result: PlannedPrefix[] = [];
  for (const text of texts) {
    const parsed = parsePrefixedAddress(text);
    if (!parsed.ok) problems.push(`address ${JSON.stringify(text)}: ${parsed.error}`);
    else {
      const { address, prefixLength, family } = parsed.value;
      result.push({ family, prefixLength, text: `${formatIp(address)}/${prefixLength}` });
    }
  }
  return result;
}

function checkRoutes(texts: string[], problems: string[]): PlannedPrefix[] {
  const byText = new Map<string, PlannedPrefix>();
  for (const text of texts) {
    const parsed = parseCidr(text);
    if (!parsed.ok) problems.push(`route ${JSON.stringify(text)}: ${parsed.error}`);
    else if (parsed.cidr.prefixLength === 0) problems.push(`route ${text}: a /0 belongs in fullTunnel, not routes`);
    else {
      const canonical = formatCidr(parsed.cidr);
      byText.set(canonical, { family: parsed.cidr.family, prefixLength: parsed.cidr.prefixLength, text: canonical });
    }
  }
  return [...byText.values()].sort((a, b) => b.prefixLength - a.prefixLength);
}

function checkFullTunnel(fullTunnel: FullTunnelPlan | null, problems: string[]): FullTunnelPlan | null {
  if (!fullTunnel || (!fullTunnel.ipv4 && !fullTunnel.ipv6)) return null;
  const { fwmark, table } = fullTunnel;
  if (!Number.isInteger(fwmark) || fwmark < 1 || fwmark > 0xffff_ffff) problems.push(`fwmark ${fwmark} is not a 32-bit mark`);
  if (!Number.isInteger(table) || table > 0xffff_ffff || RESERVED_TABLES.has(table)) problems.push(`table ${table} is not usable`);
  return { ipv4: fullTunnel.ipv4, ipv6: fullTunnel.ipv6, fwmark, table };
}

function checkDns(dns: TunnelNetworkPlan['dns'], problems: string[]): CheckedPlan['dns'] {
  if (!dns || (dns.servers.length === 0 && dns.search.length === 0)) return null;
  const servers: string[] = [];
  for (const server of dns.servers) {
    const canonical = canonicalIp(server);
    if (canonical === null) problems.push(`DNS server ${JSON.stringify(server)} is not an IP address`);
    else servers.push(canonical);
  }
  for (const domain of dns.search) {
    if (!SEARCH_DOMAIN_PATTERN.test(domain) || domain.length > 253) problems.push(`search domain ${JSON.stringify(domain)} is not a domain name`);
  }
  if (servers.length === 0) problems.push('DNS needs at least one server');
  return { servers, search: [...dns.search] };
}

/** Validates every field; the result's strings are canonical and safe to pass as arguments. */
export function checkPlan(plan: TunnelNetworkPlan): PlanCheck {
  const problems: string[] = [];
  if (!INTERFACE_NAME_PATTERN.test(plan.interfaceName)) problems.push(`interface name ${JSON.stringify(plan.interfaceName)} is not allowed`);
  if (!Number.isInteger(plan.mtuBytes) || plan.mtuBytes < MIN_MTU_BYTES || plan.mtuBytes > MAX_MTU_BYTES) {
    problems.push(`MTU ${plan.mtuBytes} is outside ${MIN_MTU_BYTES}–${MAX_MTU_BYTES}`);
  }
  const checked: CheckedPlan = {
    interfaceName: plan.interfaceName,
    mtuBytes: plan.mtuBytes,
    addresses: checkAddresses(plan.addresses, problems),
    routes: checkRoutes(plan.routes, problems),
    fullTunnel: checkFullTunnel(plan.fullTunnel, problems),
    dns: checkDns(plan.dns, problems),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, plan: checked };
}
