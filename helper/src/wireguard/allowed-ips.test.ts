// AllowedIPs trie: kernel/wireguard-go selftest tables plus a randomized comparison with a linear scan.
import { describe, it, expect } from 'vitest';
import { AllowedIps } from './allowed-ips.js';

const v4 = (a: number, b: number, c: number, d: number): Uint8Array => Uint8Array.of(a, b, c, d);
function v6(...words: number[]): Uint8Array {
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w >>> 0));
  return out;
}

describe('AllowedIps (ported IPv4 table)', () => {
  it('matches the longest prefix and removes by value', () => {
    const t = new AllowedIps<string>();
    const ins = (p: string, a: Uint8Array, len: number): void => t.insert(a, len, p);
    ins('a', v4(192, 168, 4, 0), 24); ins('b', v4(192, 168, 4, 4), 32); ins('c', v4(192, 168, 0, 0), 16);
    ins('d', v4(192, 95, 5, 64), 27); ins('c', v4(192, 95, 5, 65), 27); ins('e', v4(0, 0, 0, 0), 0);
    ins('g', v4(64, 15, 112, 0), 20); ins('h', v4(64, 15, 123, 211), 25); ins('a', v4(10, 0, 0, 0), 25);
    ins('b', v4(10, 0, 0, 128), 25); ins('a', v4(10, 1, 0, 0), 30); ins('b', v4(10, 1, 0, 4), 30);
    ins('c', v4(10, 1, 0, 8), 29); ins('d', v4(10, 1, 0, 16), 29);
    const expected: [string, Uint8Array][] = [
      ['a', v4(192, 168, 4, 20)], ['a', v4(192, 168, 4, 0)], ['b', v4(192, 168, 4, 4)],
      ['c', v4(192, 168, 200, 182)], ['c', v4(192, 95, 5, 68)], ['e', v4(192, 95, 5, 96)],
      ['g', v4(64, 15, 116, 26)], ['g', v4(64, 15, 127, 3)],
    ];
    for (const [peer, address] of expected) expect(t.lookup(address)).toBe(peer);

    for (const first of [1, 64, 128, 192, 255]) ins('a', v4(first, 0, 0, 0), 32);
    for (const first of [1, 64, 128, 192, 255]) expect(t.lookup(v4(first, 0, 0, 0))).toBe('a');
    t.removeValue('a');
    for (const first of [1, 64, 128, 192, 255]) expect(t.lookup(v4(first, 0, 0, 0))).not.toBe('a');

    for (const p of ['a', 'b', 'c', 'd', 'e', 'g', 'h']) t.removeValue(p);
    expect(t.isEmpty()).toBe(true);
  });

  it('removes single prefixes only for their owner', () => {
    const t = new AllowedIps<string>();
    t.insert(v4(192, 168, 0, 0), 16, 'a');
    t.insert(v4(192, 168, 0, 0), 24, 'a');
    t.removeValue('a');
    expect(t.lookup(v4(192, 168, 0, 1))).toBeUndefined();

    t.insert(v4(1, 0, 0, 0), 32, 'a');
    t.insert(v4(192, 0, 0, 0), 24, 'a');
    expect(t.lookup(v4(1, 0, 0, 0))).toBe('a');
    expect(t.lookup(v4(192, 0, 0, 1))).toBe('a');
    t.remove(v4(192, 0, 0, 0), 32, 'a');
    expect(t.lookup(v4(192, 0, 0, 1))).toBe('a');
    t.remove(v4(192, 0, 0, 0), 24, 'b');
    expect(t.lookup(v4(192, 0, 0, 1))).toBe('a');
    t.remove(v4(192, 0, 0, 0), 24, 'a');
    expect(t.lookup(v4(192, 0, 0, 1))).toBeUndefined();
    t.remove(v4(1, 0, 0, 0), 32, 'a');
    expect(t.lookup(v4(1, 0, 0, 0))).toBeUndefined();
    expect(t.isEmpty()).toBe(true);
  });
});

describe('AllowedIps (ported IPv6 table)', () => {
  it('matches the longest prefix', () => {
    const t = new AllowedIps<string>();
    t.insert(v6(0x26075300, 0x60006b00, 0, 0xc05f0543), 128, 'd');
    t.insert(v6(0x26075300, 0x60006b00, 0, 0), 64, 'c');
    t.insert(v6(0, 0, 0, 0), 0, 'e');
    t.insert(v6(0, 0, 0, 0), 0, 'f');
    t.insert(v6(0x24046800, 0, 0, 0), 32, 'g');
    t.insert(v6(0x24046800, 0x40040800, 0xdeadbeef, 0xdeadbeef), 64, 'h');
    t.insert(v6(0x24046800, 0x40040800, 0xdeadbeef, 0xdeadbeef), 128, 'a');
    t.insert(v6(0x24446800, 0x40e40800, 0xdeaebeef, 0xdefbeef), 128, 'c');
    t.insert(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0), 98, 'b');
    const expected: [string, Uint8Array][] = [
      ['d', v6(0x26075300, 0x60006b00, 0, 0xc05f0543)], ['c', v6(0x26075300, 0x60006b00, 0, 0xc02e01ee)],
      ['f', v6(0x26075300, 0x60006b01, 0, 0)], ['g', v6(0x24046800, 0x40040806, 0, 0x1006)],
      ['g', v6(0x24046800, 0x40040806, 0x1234, 0x5678)], ['f', v6(0x240467ff, 0x40040806, 0x1234, 0x5678)],
      ['f', v6(0x24046801, 0x40040806, 0x1234, 0x5678)], ['h', v6(0x24046800, 0x40040800, 0x1234, 0x5678)],
      ['h', v6(0x24046800, 0x40040800, 0, 0)], ['h', v6(0x24046800, 0x40040800, 0x10101010, 0x10101010)],
      ['a', v6(0x24046800, 0x40040800, 0xdeadbeef, 0xdeadbeef)],
    ];
    for (const [peer, address] of expected) expect(t.lookup(address)).toBe(peer);
    t.insert(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0), 98, 'a');
    expect(t.lookup(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0x10101010))).toBe('a');
    t.remove(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0), 98, 'b');
    expect(t.lookup(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0x10101010))).toBe('a');
    t.remove(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0), 98, 'a');
    expect(t.lookup(v6(0x24446800, 0xf0e40800, 0xeeaebeef, 0x10101010))).toBe('f');
  });
});

describe('AllowedIps semantics', () => {
  it('masks host bits and lets the last writer win', () => {
    const t = new AllowedIps<string>();
    t.insert(v4(10, 1, 2, 3), 8, 'a');
    t.insert(v4(10, 200, 0, 0), 8, 'b');
    expect(t.lookup(v4(10, 9, 9, 9))).toBe('b');
    expect(t.entriesFor('a')).toEqual([]);
    expect(t.entriesFor('b')).toEqual([{ address: v4(10, 0, 0, 0), prefixLength: 8 }]);
  });

  it('keeps families apart and reads addresses in place', () => {
    const t = new AllowedIps<string>();
    t.insert(v4(0, 0, 0, 0), 0, 'v4');
    t.insert(v6(0, 0, 0, 0), 0, 'v6');
    expect(t.lookup(v4(1, 2, 3, 4))).toBe('v4');
    expect(t.lookup(v6(1, 2, 3, 4))).toBe('v6');
    const header = Uint8Array.of(9, 9, 1, 2, 3, 4);
    expect(t.lookupAt(header, 2, 4)).toBe('v4');
    expect(t.lookup(new Uint8Array(5))).toBeUndefined();
    expect(t.entriesFor('v6')).toEqual([{ address: new Uint8Array(16), prefixLength: 0 }]);
  });

  it('rejects malformed prefixes as bugs', () => {
    const t = new AllowedIps<string>();
    expect(() => t.insert(v4(1, 2, 3, 4), 33, 'a')).toThrow(RangeError);
    expect(() => t.insert(new Uint8Array(5), 8, 'a')).toThrow(RangeError);
  });
});

// A deterministic PRNG so failures reproduce.
function xorshift(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s;
  };
}

function naiveLookup(table: { address: Uint8Array; len: number; peer: number }[], ip: Uint8Array): number | undefined {
  let best: { len: number; peer: number } | undefined;
  for (const e of table) {
    if (e.address.length !== ip.length) continue;
    let match = true;
    for (let bit = 0; bit < e.len && match; bit++) {
      const mask = 0x80 >>> (bit & 7);
      match = ((e.address[bit >>> 3] ?? 0) & mask) === ((ip[bit >>> 3] ?? 0) & mask);
    }
    if (match && (!best || e.len >= best.len)) best = e;
  }
  return best?.peer;
}

describe.each([4, 16])('AllowedIps randomized against a linear scan (%i-byte addresses)', (bytes) => {
  it('agrees on every lookup, including after removals', () => {
    const next = xorshift(bytes * 7919);
    const randomAddress = (): Uint8Array => Uint8Array.from({ length: bytes }, () => next() & 0xff);
    const trie = new AllowedIps<number>();
    let table: { address: Uint8Array; len: number; peer: number }[] = [];
    for (let i = 0; i < 1000; i++) {
      // Few distinct top bytes so prefixes overlap a lot.
      const address = randomAddress();
      address[0] = (address[0] ?? 0) & 0x0f;
      const len = next() % (bytes * 8 + 1);
      const peer = next() % 50;
      trie.insert(address, len, peer);
      table = table.filter((e) => !(e.len === len && naiveLookup([e], address) !== undefined));
      table.push({ address, len, peer });
    }
    const check = (): void => {
      for (let i = 0; i < 3000; i++) {
        const ip = randomAddress();
        ip[0] = (ip[0] ?? 0) & 0x0f;
        expect(trie.lookup(ip)).toBe(naiveLookup(table, ip));
      }
    };
    check();
    for (let peer = 0; peer < 25; peer++) trie.removeValue(peer);
    table = table.filter((e) => e.peer >= 25);
    check();
    for (let peer = 25; peer < 50; peer++) expect(trie.entriesFor(peer).length).toBe(table.filter((e) => e.peer === peer).length);
  });
});
