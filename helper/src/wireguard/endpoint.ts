// Endpoint helpers: equality and the address bytes a cookie is bound to.
import { isIPv4, isIPv6 } from 'node:net';
import type { Endpoint } from './device-types.js';

export function sameEndpoint(a: Endpoint | undefined, b: Endpoint): boolean {
  return a !== undefined && a.port === b.port && a.address === b.address;
}

/** 4 bytes for IPv4, 16 for IPv6 (zone ids are ignored); an empty array for anything unparsable. */
export function addressBytes(address: string): Uint8Array {
  if (isIPv4(address)) return parseIPv4(address);
  const unzoned = address.split('%', 1)[0] ?? '';
  return isIPv6(unzoned) ? parseIPv6(unzoned) : new Uint8Array(0);
}

function parseIPv4(address: string): Uint8Array {
  return Uint8Array.from(address.split('.'), (part) => Number(part));
}

function parseIPv6(address: string): Uint8Array {
  const lastColon = address.lastIndexOf(':');
  let text = address;
  if (address.includes('.', lastColon)) {
    // Rewrite an embedded IPv4 tail (::ffff:1.2.3.4) as two hex groups.
    const v4 = parseIPv4(address.slice(lastColon + 1));
    const hi = ((v4[0] ?? 0) * 256 + (v4[1] ?? 0)).toString(16);
    const lo = ((v4[2] ?? 0) * 256 + (v4[3] ?? 0)).toString(16);
    text = `${address.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const [head = '', rest] = text.split('::');
  const groups = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = groups(rest ?? '');
  const zeros = rest === undefined ? 0 : 8 - left.length - right.length;
  const words = [...left, ...new Array<number>(zeros).fill(0), ...right];
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = w >>> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}
