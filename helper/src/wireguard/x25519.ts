// X25519 (RFC 7748) scalar multiplication: libsodium when it loads, node:crypto otherwise; a zero result is null.
import { createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { sodium, type SodiumNative } from './sodium.js';

export interface X25519 {
  readonly name: 'libsodium' | 'node:crypto';
  /** The public key of a 32-byte private scalar (clamped internally). */
  publicKey(privateKey: Uint8Array): Uint8Array;
  /** The shared secret, or null when it is all zero (low-order or non-canonical low-order point). */
  sharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array | null;
}

function sodiumX25519(lib: SodiumNative): X25519 {
  return {
    name: 'libsodium',
    publicKey(privateKey) {
      const out = new Uint8Array(32);
      lib.crypto_scalarmult_base(out, privateKey);
      return out;
    },
    sharedSecret(privateKey, publicKey) {
      const out = new Uint8Array(32);
      try {
        lib.crypto_scalarmult(out, privateKey, publicKey);
      } catch {
        return null; // libsodium refuses small-order points and all-zero outputs
      }
      return out;
    },
  };
}

// RFC 8410 PKCS#8 wrapping of a raw X25519 private key; JWK would need the public half too.
const PKCS8_X25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);

function importPrivate(privateKey: Uint8Array): ReturnType<typeof createPrivateKey> {
  const der = new Uint8Array(48);
  der.set(PKCS8_X25519_PREFIX);
  der.set(privateKey, 16);
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url');
}

function nodeX25519(): X25519 {
  return {
    name: 'node:crypto',
    publicKey(privateKey) {
      const jwk = createPublicKey(importPrivate(privateKey)).export({ format: 'jwk' });
      return new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
    },
    sharedSecret(privateKey, publicKey) {
      const pub = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: base64Url(publicKey) }, format: 'jwk' });
      try {
        const secret = diffieHellman({ privateKey: importPrivate(privateKey), publicKey: pub });
        return secret.some((b) => b !== 0) ? new Uint8Array(secret) : null;
      } catch {
        return null; // OpenSSL 3: ERR_OSSL_FAILED_DURING_DERIVATION for low-order points
      }
    },
  };
}

export const nodeX25519Impl: X25519 = nodeX25519();
export const sodiumX25519Impl: X25519 | null = sodium ? sodiumX25519(sodium) : null;
/** The implementation every caller uses. */
export const x25519: X25519 = sodiumX25519Impl ?? nodeX25519Impl;
