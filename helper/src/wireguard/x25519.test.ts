// X25519 against RFC 7748 §5.2 and §6.1 and low-order points, for both backends.
import { describe, expect, it } from 'vitest';
import { nodeX25519Impl, sodiumX25519Impl, x25519, type X25519 } from './x25519.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array | null): string | null => (b ? Buffer.from(b).toString('hex') : null);

const backends: [string, X25519][] = [['node:crypto', nodeX25519Impl]];
if (sodiumX25519Impl) backends.push(['libsodium', sodiumX25519Impl]);

const SCALAR_MULT_VECTORS = [ // RFC 7748 §5.2 (the second u has its top bit set: it must be ignored)
  ['a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4',
    'e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c',
    'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552'],
  ['4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d',
    'e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493',
    '95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957'],
] as const;

const ALICE_PRIVATE = '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a';
const ALICE_PUBLIC = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const BOB_PRIVATE = '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb';
const BOB_PUBLIC = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

const LOW_ORDER_POINTS = [ // small-order points and their non-canonical encodings (as in Wycheproof)
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
];

describe.each(backends)('X25519 (%s)', (_name, impl) => {
  it.each(SCALAR_MULT_VECTORS)('RFC 7748 §5.2 scalar %s', (scalar, u, expected) => {
    expect(toHex(impl.sharedSecret(hex(scalar), hex(u)))).toBe(expected);
  });

  it('RFC 7748 §6.1 Alice and Bob', () => {
    expect(toHex(impl.publicKey(hex(ALICE_PRIVATE)))).toBe(ALICE_PUBLIC);
    expect(toHex(impl.publicKey(hex(BOB_PRIVATE)))).toBe(BOB_PUBLIC);
    expect(toHex(impl.sharedSecret(hex(ALICE_PRIVATE), hex(BOB_PUBLIC)))).toBe(SHARED);
    expect(toHex(impl.sharedSecret(hex(BOB_PRIVATE), hex(ALICE_PUBLIC)))).toBe(SHARED);
  });

  it.each(LOW_ORDER_POINTS)('low-order point %s gives null', (point) => {
    expect(impl.sharedSecret(hex(ALICE_PRIVATE), hex(point))).toBeNull();
  });
});

describe('X25519 iterated (RFC 7748 §5.2)', () => {
  it('1 and 1,000 iterations', () => {
    let k: Uint8Array = new Uint8Array(32);
    k[0] = 9;
    let u: Uint8Array = Uint8Array.from(k);
    const checkpoints = new Map([
      [1, '422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079'],
      [1000, '684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51'],
    ]);
    for (let i = 1; i <= 1000; i++) {
      const result = x25519.sharedSecret(k, u);
      if (!result) throw new Error('unexpected zero result');
      u = k;
      k = result;
      if (checkpoints.has(i)) expect(toHex(k)).toBe(checkpoints.get(i));
    }
  });
});
