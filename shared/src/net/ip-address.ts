// IP address text ⇄ bytes: IPv4 dotted quads, IPv6 (RFC 4291 §2.2, incl. `::` and embedded IPv4), canonical output per RFC 5952.

export type IpFamily = 4 | 6;

export const IPV4_BYTES = 4;
export const IPV6_BYTES = 16;

/** Parses a dotted-quad IPv4 address; leading zeros are refused (ambiguous: some tools read them as octal). */
export function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(IPV4_BYTES);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] ?? '';
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

/** Parses the hex groups (and a trailing dotted quad) of one side of `::` into 16-bit words. */
function parseGroups(text: string, allowIpv4Tail: boolean): number[] | null {
  if (text === '') return [];
  const parts = text.split(':');
  const words: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (allowIpv4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return null;
      words.push(parseInt(part, 16));
    }
  }
  return words;
}

/** Parses IPv6 text (no brackets, no zone id). */
export function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  let words: number[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0] ?? '', false);
    const tail = parseGroups(halves[1] ?? '', true);
    // `::` stands for at least one zero group.
    if (!head || !tail || head.length + tail.length > 7) return null;
    words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (!all || all.length !== 8) return null;
    words = all;
  }
  const bytes = new Uint8Array(IPV6_BYTES);
  words.forEach((word, i) => {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  });
  return bytes;
}

/** Parses an IPv4 or IPv6 literal to 4 or 16 bytes; null if it is neither. */
export function parseIp(text: string): Uint8Array | null {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** The family of an IP literal, or null if the text is not one. */
export function ipFamily(text: string): IpFamily | null {
  const bytes = parseIp(text);
  if (!bytes) return null;
  return bytes.length === IPV4_BYTES ? 4 : 6;
}

export function familyOfBytes(bytes: Uint8Array): IpFamily {
  return bytes.length === IPV4_BYTES ? 4 : 6;
}

/** The longest run (length ≥ 2) of zero words, first one on a tie (RFC 5952 §4.2). */
function longestZeroRun(words: number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let start = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i] === 0) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start > best.length) best = { start, length: i - start };
      start = -1;
    }
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function formatIpv6(bytes: Uint8Array): string {
  if (isIpv4Mapped(bytes)) return `::ffff:${formatIp(bytes.subarray(12))}`;
  const words = Array.from({ length: 8 }, (_, i) => ((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0));
  const run = longestZeroRun(words);
  const hex = (list: number[]): string => list.map((w) => w.toString(16)).join(':');
  if (run.start < 0) return hex(words);
  return `${hex(words.slice(0, run.start))}::${hex(words.slice(run.start + run.length))}`;
}

/** Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, `::` for the longest zero run, mapped IPv4 dotted). */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === IPV4_BYTES) return Array.from(bytes).join('.');
  if (bytes.length === IPV6_BYTES) return formatIpv6(bytes);
  throw new RangeError(`an IP address is 4 or 16 bytes, got ${bytes.length}`);
}

/** Rewrites an IP literal canonically; null if it is not one. */
export function canonicalIp(text: string): string | null {
  const bytes = parseIp(text);
  return bytes ? formatIp(bytes) : null;
}
