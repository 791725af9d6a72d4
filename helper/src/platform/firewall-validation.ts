// Checks a FirewallPolicy and rewrites every address canonically, so only validated text ever reaches an nft ruleset.
import { z } from 'zod';
import { formatIp, IPV4_BYTES, parseIp, type IpFamily } from '../../../shared/src/net/ip-address.js';
import type { FirewallPolicy, FirewallReason, FirewallSplit } from './firewall.js';
import { INTERFACE_NAME_PATTERN } from './network.js';

const ipLiteral = z.string().max(64).refine((text) => parseIp(text) !== null, 'not an IP address');
const port = z.number().int().min(1).max(65535);

/** The policy as data: what `set()` accepts and what the state file holds. */
export const firewallPolicySchema = z
  .object({
    reason: z.enum(['killSwitch', 'lockdown']),
    tunnelInterface: z.string().regex(INTERFACE_NAME_PATTERN).nullable(),
    endpoints: z.array(z.object({ address: ipLiteral, port }).strict()).max(256),
    // Mark 0 is what every unmarked packet carries: it would let any program's UDP through.
    fwmark: z.number().int().min(1).max(0xffff_ffff).nullable(),
    allowLan: z.boolean(),
    tunnelsIpv6: z.boolean(),
    dnsServers: z.array(ipLiteral).max(64),
    split: z.object({ mode: z.enum(['exclude', 'include']) }).strict().nullable().optional(),
  })
  .strict()
  .refine((policy) => policy.endpoints.length === 0 || policy.fwmark !== null, {
    message: 'endpoints are let through by the socket fwmark only: a policy with endpoints needs a fwmark',
    path: ['fwmark'],
  });

export interface CheckedAddress {
  family: IpFamily;
  /** Canonical text (dotted quad, RFC 5952). */
  address: string;
}

/** A policy whose every value is known to be safe inside an nft script. */
export interface CheckedFirewallPolicy {
  reason: FirewallReason;
  tunnelInterface: string | null;
  endpoints: (CheckedAddress & { port: number })[];
  fwmark: number | null;
  allowLan: boolean;
  tunnelsIpv6: boolean;
  dnsServers: CheckedAddress[];
  split: FirewallSplit | null;
}

export type FirewallPolicyCheck = { ok: true; policy: CheckedFirewallPolicy } | { ok: false; problems: string[] };

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Canonical address; an IPv4-mapped IPv6 address becomes plain IPv4, which is what goes on the wire. */
export function checkedAddress(text: string): CheckedAddress {
  const bytes = parseIp(text);
  if (!bytes) throw new Error(`not an IP address: ${text}`); // the schema refused it already
  const mapped = bytes.length !== IPV4_BYTES && IPV4_MAPPED_PREFIX.every((byte, i) => bytes[i] === byte);
  const plain = mapped ? bytes.subarray(12) : bytes;
  return { family: plain.length === IPV4_BYTES ? 4 : 6, address: formatIp(plain) };
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map(items.map((item) => [key(item), item] as const));
  return [...seen.values()];
}

export function checkFirewallPolicy(policy: FirewallPolicy): FirewallPolicyCheck {
  const parsed = firewallPolicySchema.safeParse(policy);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'policy'}: ${issue.message}`) };
  }
  const { endpoints, dnsServers, split, ...rest } = parsed.data;
  return {
    ok: true,
    policy: {
      ...rest,
      split: split ?? null,
      endpoints: unique(
        endpoints.map((endpoint) => ({ ...checkedAddress(endpoint.address), port: endpoint.port })),
        (endpoint) => `${endpoint.address} ${endpoint.port}`,
      ),
      dnsServers: unique(dnsServers.map(checkedAddress), (server) => server.address),
    },
  };
}
