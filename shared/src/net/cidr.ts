// CIDR blocks (RFC 4632, RFC 4291 §2.3): parse, mask, format, containment, and set difference for route exclusion.
import { familyOfBytes, formatIp, parseIp, type IpFamily } from './ip-address.js';

export interface Cidr {
  /** 4 or 16 bytes, host bits zero. */
  address: Uint8Array;
  prefixLength: number;
  family: IpFamily;
}

/** An address with a prefix whose host bits are kept, as in an interface address (`10.0.0.2/24`). */
export interface PrefixedAddress {
  address: Uint8Array;
  prefixLength: number;
  family: IpFamily;
}

export type CidrParse = { ok: true; cidr: Cidr; hostBitsSet: boolean } | { ok: false; error: string };
export type PrefixedAddressParse = { ok: true; value: PrefixedAddress } | { ok: false; error: string };

export function maxPrefixLength(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/** Parses `ip[/prefix]` keeping the host bits; no prefix means a single host (/32 or /128). */
export function parsePrefixedAddress(text: string): PrefixedAddressParse {
  const slash = text.indexOf('/');
  const ipText = slash < 0 ? text : text.slice(0, slash);
  const address = parseIp(ipText);
  if (!address) return { ok: false, error: `'${ipText}' is not an IPv4 or IPv6 address` };
  const family = familyOfBytes(address);
  const max = maxPrefixLength(family);
  if (slash < 0) return { ok: true, value: { address, prefixLength: max, family } };
  const prefixText = text.slice(slash + 1);
  const prefixLength = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefixLength <= max)) {
    return { ok: false, error: `'/${prefixText}' is not a prefix length between 0 and ${max}` };
  }
  return { ok: true, value: { address, prefixLength, family } };
}

/** Zeroes the bits after `prefixLength` (a copy). */
export function maskAddress(address: Uint8Array, prefixLength: number): Uint8Array {
  const masked = new Uint8Array(address);
  for (let i = 0; i < masked.length; i++) {
    const bitsHere = Math.min(8, Math.max(0, prefixLength - i * 8));
    masked[i] = (masked[i] ?? 0) & ((0xff00 >> bitsHere) & 0xff);
  }
  return masked;
}

/** True when two addresses (or any byte strings) are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Parses `ip[/prefix]` into a network: host bits are masked and `hostBitsSet` says whether there were any (wg(8) warns). */
export function parseCidr(text: string): CidrParse {
  const parsed = parsePrefixedAddress(text);
  if (!parsed.ok) return parsed;
  const { address, prefixLength, family } = parsed.value;
  const masked = maskAddress(address, prefixLength);
  return { ok: true, cidr: { address: masked, prefixLength, family }, hostBitsSet: !sameBytes(masked, address) };
}

export function formatCidr(cidr: { address: Uint8Array; prefixLength: number }): string {
  return `${formatIp(cidr.address)}/${cidr.prefixLength}`;
}

export function makeCidr(address: Uint8Array, prefixLength: number): Cidr {
  return { address: maskAddress(address, prefixLength), prefixLength, family: familyOfBytes(address) };
}

function bitAt(address: Uint8Array, index: number): number {
  return ((address[index >> 3] ?? 0) >> (7 - (index & 7))) & 1;
}

function samePrefix(a: Uint8Array, b: Uint8Array, prefixLength: number): boolean {
  for (let i = 0; i < prefixLength; i++) if (bitAt(a, i) !== bitAt(b, i)) return false;
  return true;
}

/** True if `inner` (a network or a single address) lies inside `outer`; families never mix. */
export function cidrContains(outer: Cidr, inner: Cidr | Uint8Array): boolean {
  const innerCidr = inner instanceof Uint8Array ? makeCidr(inner, inner.length * 8) : inner;
  if (innerCidr.family !== outer.family || innerCidr.prefixLength < outer.prefixLength) return false;
  return samePrefix(outer.address, innerCidr.address, outer.prefixLength);
}

export function isDefaultRoute(cidr: Cidr): boolean {
  return cidr.prefixLength === 0;
}

export function cidrEquals(a: Cidr, b: Cidr): boolean {
  return a.prefixLength === b.prefixLength && sameBytes(a.address, b.address);
}

/** The two halves of a network one bit longer (the caller guarantees it is not a single host). */
function splitCidr(cidr: Cidr): [Cidr, Cidr] {
  const upper = new Uint8Array(cidr.address);
  const bit = cidr.prefixLength;
  upper[bit >> 3] = (upper[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  const prefixLength = cidr.prefixLength + 1;
  return [
    { address: new Uint8Array(cidr.address), prefixLength, family: cidr.family },
    { address: upper, prefixLength, family: cidr.family },
  ];
}

/** `base` minus `hole`, by halving `base` until the pieces no longer overlap the hole. */
function subtractOne(base: Cidr, hole: Cidr): Cidr[] {
  if (cidrContains(hole, base)) return [];
  if (!cidrContains(base, hole)) return [base];
  const result: Cidr[] = [];
  for (const half of splitCidr(base)) result.push(...subtractOne(half, hole));
  return result;
}

function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  for (let i = 0; i < a.address.length; i++) {
    const diff = (a.address[i] ?? 0) - (b.address[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.prefixLength - b.prefixLength;
}

/** Whether `a` and `b` are the two halves of one network, and that network. */
function mergedParent(a: Cidr, b: Cidr): Cidr | null {
  if (a.family !== b.family || a.prefixLength !== b.prefixLength || a.prefixLength === 0) return null;
  const parent = makeCidr(a.address, a.prefixLength - 1);
  const [low, high] = splitCidr(parent);
  return cidrEquals(low, a) && cidrEquals(high, b) ? parent : null;
}

/** The smallest list of CIDRs covering exactly the union of `cidrs`, sorted (v4 first, then by address). */
export function aggregateCidrs(cidrs: Cidr[]): Cidr[] {
  const stack: Cidr[] = [];
  for (const cidr of [...cidrs].sort(compareCidrs)) {
    const last = stack[stack.length - 1];
    if (last && cidrContains(last, cidr)) continue;
    let current = cidr;
    // Merging two siblings may make the result a sibling of the one below it: keep folding.
    for (let top = stack[stack.length - 1]; top; top = stack[stack.length - 1]) {
      const parent = mergedParent(top, current);
      if (!parent) break;
      stack.pop();
      current = parent;
    }
    stack.push(current);
  }
  return stack;
}

/** The minimal CIDR set covering `base` minus `exclude` (e.g. a default route without private networks). */
export function excludeCidrs(base: Cidr[], exclude: Cidr[]): Cidr[] {
  let pieces = aggregateCidrs(base);
  for (const hole of exclude) pieces = pieces.flatMap((piece) => subtractOne(piece, hole));
  return aggregateCidrs(pieces);
}
