// WireGuard primitives against published vectors: RFC 7693 BLAKE2s, wireguard-go's KDF vectors, XChaCha draft-03, and the counter nonce.
import { blake2s } from '@noble/hashes/blake2.js';
import { describe, expect, it } from 'vitest';
import { aeadBackend } from './aead-backend.js';
import {
  aeadOpen, aeadSeal, dh, equalConstantTime, generatePrivateKey, hash, kdf1, kdf2, kdf3, mac,
  openTransport, publicKeyOf, sealTransport, xaeadOpen, xaeadSeal,
} from './crypto.js';
import type { Random } from './random.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const ascii = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** RFC 7693 Appendix E: deterministic byte sequence generator. */
function selftestSequence(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let a = Math.imul(0xdead4bad, seed) >>> 0;
  let b = 1;
  for (let i = 0; i < length; i++) {
    const t = (a + b) >>> 0;
    a = b;
    b = t;
    out[i] = t >>> 24;
  }
  return out;
}

describe('BLAKE2s (RFC 7693)', () => {
  it('Appendix B: HASH("abc")', () => {
    expect(toHex(hash(ascii('abc')))).toBe('508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982');
    expect(toHex(hash(ascii('a'), ascii('bc')))).toBe(toHex(hash(ascii('abc'))));
  });

  it('Appendix E self-test grand hash (16-byte keyed digests go through mac())', () => {
    const grand: Uint8Array[] = [];
    for (const outLength of [16, 20, 28, 32]) {
      for (const inLength of [0, 3, 64, 65, 255, 1024]) {
        const input = selftestSequence(inLength, inLength);
        const key = selftestSequence(outLength, outLength);
        grand.push(blake2s(input, { dkLen: outLength }));
        grand.push(outLength === 16 ? mac(key, input) : blake2s(input, { key, dkLen: outLength }));
      }
    }
    expect(toHex(hash(...grand))).toBe('6a411f08ce25adcdfb02aba641451cec53c598b24f4fc787fbdc88797f4c1dfe');
  });
});

describe('KDF (wireguard-go device/kdf_test.go)', () => {
  const vectors = [
    ['746573742d6b6579', '746573742d696e707574',
      '6f0e5ad38daba1bea8a0d213688736f19763239305e0f58aba697f9ffc41c633',
      'df1194df20802a4fe594cde27e92991c8cae66c366e8106aaa937a55fa371e8a',
      'fac6e2745a325f5dc5d11a5b165aad08b0ada28e7b4e666b7c077934a4d76c24'],
    ['776972656775617264', '776972656775617264',
      '491d43bbfdaa8750aaf535e334ecbfe5129967cd64635101c566d4caefda96e8',
      '1e71a379baefd8a79aa4662212fcafe19a23e2b609a3db7d6bcba8f560e3d25f',
      '31e1ae48bddfbe5de38f295e5452b1909a1b4e38e183926af3780b0c1e1f0160'],
    ['', '',
      '8387b46bf43eccfcf349552a095d8315c4055beb90208fb1be23b894bc2ed5d0',
      '58a0e5f6faefccf4807bff1f05fa8a9217945762040bcec2f4b4a62bdfe0e86e',
      '0ce6ea98ec548f8e281e93e32db65621c45eb18dc6f0a7ad94178610a2f7338e'],
  ] as const;

  it.each(vectors)('key %j input %j', (key, input, t0, t1, t2) => {
    expect(kdf3(hex(key), hex(input)).map(toHex)).toEqual([t0, t1, t2]);
    expect(kdf2(hex(key), hex(input)).map(toHex)).toEqual([t0, t1]);
    expect(kdf1(hex(key), hex(input)).map(toHex)).toEqual([t0]);
  });
});

describe('AEAD with the counter nonce', () => {
  const key = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
  const plaintext = ascii('wireguard transport');
  it.each([
    [0, '000000000000000000000000'],
    [1, '000000000100000000000000'],
    [0xffffffff, '00000000ffffffff00000000'],
    [2 ** 32 + 5, '000000000500000001000000'],
    [2 ** 53 - 1, '00000000ffffffffffff1f00'],
  ])('counter %d uses nonce %s', (counter, nonce) => {
    const expected = new Uint8Array(plaintext.length + 16);
    aeadBackend.seal(key, hex(nonce), plaintext, ascii('aad'), expected, 0);
    const sealed = aeadSeal(key, counter, plaintext, ascii('aad'));
    expect(toHex(sealed)).toBe(toHex(expected));
    expect(aeadOpen(key, counter, sealed, ascii('aad'))).toEqual(plaintext);
    expect(aeadOpen(key, counter + 1, sealed, ascii('aad'))).toBeNull();
    expect(aeadOpen(key, counter, sealed)).toBeNull();
  });

  it('sealTransport/openTransport work in place at an offset and report forgeries', () => {
    const packet = new Uint8Array(16 + 48 + 16);
    packet.set(plaintext, 16);
    const body = packet.subarray(16, 64);
    expect(sealTransport(key, 42, body, packet, 16)).toBe(64);
    // A failed open may zero its output (libsodium does), so the forgery check writes elsewhere.
    expect(openTransport(key, 41, packet.subarray(16), new Uint8Array(64), 0)).toBe(-1);
    expect(openTransport(key, 42, packet.subarray(16), packet, 16)).toBe(48);
    expect(toHex(packet.subarray(16, 16 + plaintext.length))).toBe(toHex(plaintext));
    expect(aeadOpen(key, 0, new Uint8Array(15))).toBeNull();
  });
});

describe('XAEAD (draft-irtf-cfrg-xchacha-03 A.3.1)', () => {
  const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
  const aad = hex('50515253c0c1c2c3c4c5c6c7');
  const plaintext = ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
  const sealed = 'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e'
    + 'c0875924c1c7987947deafd8780acf49';

  it('seals and opens the vector; a wrong AAD or a short input is null', () => {
    expect(toHex(xaeadSeal(key, nonce, plaintext, aad))).toBe(sealed);
    expect(xaeadOpen(key, nonce, hex(sealed), aad)).toEqual(plaintext);
    expect(xaeadOpen(key, nonce, hex(sealed), new Uint8Array(12))).toBeNull();
    expect(xaeadOpen(key, nonce, new Uint8Array(8), aad)).toBeNull();
  });
});

describe('keys', () => {
  const fixed = (byte: number): Random => ({
    bytes: (n) => new Uint8Array(n).fill(byte), uint32: () => 0, float: () => 0,
  });

  it.each([[0x00], [0xff], [0x5a]])('generatePrivateKey clamps random bytes 0x%s', (byte) => {
    const key = generatePrivateKey(fixed(byte));
    expect((key[0] ?? 0) & 7).toBe(0);
    expect((key[31] ?? 0) & 0xc0).toBe(0x40);
  });

  it('two generated identities agree on DH', () => {
    const a = generatePrivateKey();
    const b = generatePrivateKey();
    const ab = dh(a, publicKeyOf(b));
    expect(ab).not.toBeNull();
    expect(ab).toEqual(dh(b, publicKeyOf(a)));
  });

  it('equalConstantTime', () => {
    expect(equalConstantTime(hex('0102'), hex('0102'))).toBe(true);
    expect(equalConstantTime(hex('0102'), hex('0103'))).toBe(false);
    expect(equalConstantTime(hex('0102'), hex('01'))).toBe(false);
  });
});
