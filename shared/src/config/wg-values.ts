// Parsers and range checks for single wg(8)/wg-quick(8) values; each failure is a phrase that follows the key name
// ("PublicKey is not a valid WireGuard key …"), so the file parser and the profile validator speak alike.
import { isValidKey } from '../keys/base64-key.js';
import { formatCidr, parseCidr, parsePrefixedAddress } from '../net/cidr.js';
import { parseEndpoint } from '../net/endpoint.js';
import { isValidHostname } from '../net/hostname.js';
import { formatIp, parseIp } from '../net/ip-address.js';
import type { WgEndpoint, WgTable } from './wg-config.js';

export type ValueParse<T> = { ok: true; value: T } | { ok: false; problem: string };

export const MIN_MTU_BYTES = 576;
export const MIN_IPV6_MTU_BYTES = 1280;
export const MAX_MTU_BYTES = 65535;
const UINT32_MAX = 0xffffffff;

export const KEY_PROBLEM = "is not a valid WireGuard key (expected 44 base64 characters ending in '=')";

const ok = <T>(value: T): ValueParse<T> => ({ ok: true, value });
const fail = <T>(problem: string): ValueParse<T> => ({ ok: false, problem });

function parseDecimal(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

export function parseKeyValue(text: string): ValueParse<string> {
  return isValidKey(text) ? ok(text) : fail(KEY_PROBLEM);
}

/** ListenPort: 0–65535 (0 = pick a random port). Service names, which wg(8) also takes, are not supported. */
export function parseListenPort(text: string): ValueParse<number> {
  const port = parseDecimal(text, 65535);
  return port === null ? fail('is not a port number (0-65535)') : ok(port);
}

/** FwMark: `off`, decimal or `0x` hex, 32 bits; `off` is stored as 0. */
export function parseFwMark(text: string): ValueParse<number> {
  if (text.toLowerCase() === 'off') return ok(0);
  const hex = /^0x[0-9a-f]{1,8}$/i.test(text) ? parseInt(text.slice(2), 16) : null;
  const value = hex ?? parseDecimal(text, UINT32_MAX);
  return value === null ? fail("is not 'off' or a 32-bit number (decimal or 0x hex)") : ok(value);
}

export function mtuProblem(mtuBytes: number, hasIpv6Address: boolean): string | null {
  if (!Number.isInteger(mtuBytes) || mtuBytes < MIN_MTU_BYTES || mtuBytes > MAX_MTU_BYTES) {
    return `must be between ${MIN_MTU_BYTES} and ${MAX_MTU_BYTES}`;
  }
  if (hasIpv6Address && mtuBytes < MIN_IPV6_MTU_BYTES) {
    return `must be at least ${MIN_IPV6_MTU_BYTES} because the interface has an IPv6 address`;
  }
  return null;
}

/** MTU: the range check only; the IPv6 minimum needs the whole [Interface] and is checked once it is read. */
export function parseMtu(text: string): ValueParse<number> {
  const mtuBytes = parseDecimal(text, MAX_MTU_BYTES) ?? -1;
  const problem = mtuProblem(mtuBytes, false);
  return problem === null ? ok(mtuBytes) : fail(problem);
}

export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/** Table: `auto`, `off`, a 32-bit table number, or a name from rt_tables. */
export function parseTable(text: string): ValueParse<WgTable> {
  const lower = text.toLowerCase();
  if (lower === 'auto') return ok({ kind: 'auto' });
  if (lower === 'off') return ok({ kind: 'off' });
  const id = parseDecimal(text, UINT32_MAX);
  if (id !== null) return ok({ kind: 'id', id });
  if (TABLE_NAME.test(text)) return ok({ kind: 'name', name: text });
  return fail("is not 'auto', 'off', a table number or a table name");
}

export function parseSaveConfig(text: string): ValueParse<boolean> {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return ok(lower === 'true');
  return fail("must be 'true' or 'false'");
}

/** PersistentKeepalive: `off`, 0 or 1–65535 seconds; `off` is stored as 0. */
export function parsePersistentKeepalive(text: string): ValueParse<number> {
  if (text.toLowerCase() === 'off') return ok(0);
  const seconds = parseDecimal(text, 65535);
  return seconds === null ? fail("is not 'off' or a number of seconds (0-65535)") : ok(seconds);
}

export function parseEndpointValue(text: string): ValueParse<WgEndpoint> {
  const parsed = parseEndpoint(text);
  return parsed.ok ? ok(parsed.endpoint) : fail(parsed.problem);
}

/** An interface address keeps its host bits (`10.0.0.2/24`); no prefix means a single host. */
export function parseAddressEntry(text: string): ValueParse<string> {
  const parsed = parsePrefixedAddress(text);
  return parsed.ok ? ok(formatCidr(parsed.value)) : fail(`has an invalid entry: ${parsed.error}`);
}

export interface AllowedIpEntry {
  /** Canonical CIDR, host bits masked. */
  cidr: string;
  /** The host bits were not zero (wg(8) warns about it). */
  masked: boolean;
  written: string;
}

export function parseAllowedIpEntry(text: string): ValueParse<AllowedIpEntry> {
  const parsed = parseCidr(text);
  if (!parsed.ok) return fail(`has an invalid entry: ${parsed.error}`);
  return ok({ cidr: formatCidr(parsed.cidr), masked: parsed.hostBitsSet, written: text });
}

/** A DNS entry is a nameserver if it looks like an address (as wg-quick decides), else a search domain. */
export function parseDnsEntry(text: string): ValueParse<{ kind: 'server' | 'search'; value: string }> {
  const address = parseIp(text);
  if (address) return ok({ kind: 'server', value: formatIp(address) });
  if (/^[0-9.]+$/.test(text) || text.includes(':')) return fail(`has an invalid entry: '${text}' is not an IP address`);
  if (isValidHostname(text)) return ok({ kind: 'search', value: text });
  return fail(`has an invalid entry: '${text}' is neither an IP address nor a domain name`);
}

/** Splits a list value: wg-quick separates Address and DNS by commas and/or whitespace, wg(8) AllowedIPs by commas. */
export function splitList(value: string, allowWhitespaceSeparator: boolean): string[] {
  const separator = allowWhitespaceSeparator ? /[\s,]+/ : /\s*,\s*/;
  return value.split(separator).filter((entry) => entry !== '');
}
