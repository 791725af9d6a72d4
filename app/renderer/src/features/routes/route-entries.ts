// Checks one entry typed into a Routes & DNS list (a network, a DNS server, a search domain) and returns it canonical.
import { formatCidr, parseCidr } from '../../../../../shared/src/net/cidr.js';
import { isValidHostname } from '../../../../../shared/src/net/hostname.js';
import { canonicalIp } from '../../../../../shared/src/net/ip-address.js';
import type { EntryCheck } from '../../components/ListEditor.js';

function notAlreadyIn(value: string, existing: readonly string[]): EntryCheck {
  return existing.includes(value) ? { ok: false, problem: `${value} is already in the list.` } : { ok: true, value };
}

/** A network for AllowedIPs: `10.1.0.0/16`, `fd00::/64`, or a single address (taken as /32 or /128). */
export function checkRouteEntry(text: string, existing: readonly string[]): EntryCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'Type a network such as 10.1.0.0/16 or an address.' };
  const parsed = parseCidr(trimmed);
  if (!parsed.ok) return { ok: false, problem: `${parsed.error}.` };
  const value = formatCidr(parsed.cidr);
  if (parsed.hostBitsSet) return { ok: false, problem: `${trimmed} has host bits set: did you mean ${value}?` };
  if (parsed.cidr.prefixLength === 0) return { ok: false, problem: `Use the "Send all IPv${parsed.cidr.family} traffic" switch for ${value}.` };
  return notAlreadyIn(value, existing);
}

/** A DNS server: an IPv4 or IPv6 address. */
export function checkDnsServer(text: string, existing: readonly string[]): EntryCheck {
  const trimmed = text.trim();
  const value = canonicalIp(trimmed);
  if (value === null) return { ok: false, problem: `'${trimmed}' is not an IPv4 or IPv6 address.` };
  return notAlreadyIn(value, existing);
}

/** A DNS search domain such as `corp.example`. */
export function checkSearchDomain(text: string, existing: readonly string[]): EntryCheck {
  const value = text.trim().toLowerCase().replace(/\.$/, '');
  if (!isValidHostname(value)) return { ok: false, problem: `'${text.trim()}' is not a domain name.` };
  return notAlreadyIn(value, existing);
}
