// WireGuard's primitives (whitepaper §5.4): HASH, HMAC, KDF1-3, MAC, DH, AEAD and XAEAD, plus the transport hot path.
import { createHash, createHmac } from 'node:crypto';
import { blake2s } from '@noble/hashes/blake2.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { systemRandom, type Random } from './random.js';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES, aeadBackend } from './aead-backend.js';
import { x25519 } from './x25519.js';

export const KEY_BYTES = 32;
export const MAC_BYTES = 16;
export { AEAD_TAG_BYTES };

const ONE = Uint8Array.of(1);
const TWO = Uint8Array.of(2);
const THREE = Uint8Array.of(3);

// node:crypto returns Buffers; callers get plain Uint8Array views (no copy) so equality checks stay simple.
function view(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** HASH: BLAKE2s-256 of the concatenated parts. */
export function hash(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('blake2s256');
  for (const part of parts) h.update(part);
  return view(h.digest());
}

/** HMAC (RFC 2104) over BLAKE2s-256 of the concatenated parts; the key may be empty. */
export function hmac(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const h = createHmac('blake2s256', key);
  for (const part of parts) h.update(part);
  return view(h.digest());
}

/** KDF1: HKDF(salt = ck, ikm = input), one 32-byte output. Three HMACs are faster than hkdfSync here. */
export function kdf1(chainingKey: Uint8Array, input: Uint8Array): [Uint8Array] {
  const prk = hmac(chainingKey, input);
  return [hmac(prk, ONE)];
}

/** KDF2: two 32-byte HKDF outputs. */
export function kdf2(chainingKey: Uint8Array, input: Uint8Array): [Uint8Array, Uint8Array] {
  const prk = hmac(chainingKey, input);
  const t1 = hmac(prk, ONE);
  return [t1, hmac(prk, t1, TWO)];
}

/** KDF3: three 32-byte HKDF outputs. */
export function kdf3(chainingKey: Uint8Array, input: Uint8Array): [Uint8Array, Uint8Array, Uint8Array] {
  const prk = hmac(chainingKey, input);
  const t1 = hmac(prk, ONE);
  const t2 = hmac(prk, t1, TWO);
  return [t1, t2, hmac(prk, t2, THREE)];
}

/** MAC: keyed BLAKE2s with a 16-byte digest (digest length in the parameter block, not a truncation). */
export function mac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return blake2s(data, { key, dkLen: MAC_BYTES });
}

/** A fresh clamped Curve25519 private key. */
export function generatePrivateKey(random: Random = systemRandom): Uint8Array {
  const key = Uint8Array.from(random.bytes(KEY_BYTES));
  key[0] = (key[0] ?? 0) & 248;
  key[31] = ((key[31] ?? 0) & 127) | 64;
  return key;
}

/** The X25519 public key of a private key. */
export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return x25519.publicKey(privateKey);
}

/** DH: X25519 shared secret, or null when the peer's point has low order (all-zero result). */
export function dh(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array | null {
  return x25519.sharedSecret(privateKey, publicKey);
}

const TWO_POW_32 = 2 ** 32;
// JavaScript is single-threaded, so one scratch nonce saves an allocation per packet.
const counterNonce = new Uint8Array(AEAD_NONCE_BYTES);

/** Nonce = 4 zero bytes ‖ counter as u64 little-endian (counter: a non-negative integer below 2^53). */
function nonceFor(counter: number): Uint8Array {
  const low = counter % TWO_POW_32;
  const high = (counter - low) / TWO_POW_32;
  const n = counterNonce;
  n[4] = low; n[5] = low >>> 8; n[6] = low >>> 16; n[7] = low >>> 24;
  n[8] = high; n[9] = high >>> 8; n[10] = high >>> 16; n[11] = high >>> 24;
  return n;
}

/** AEAD: ChaCha20-Poly1305 with nonce 0⁴ ‖ LE64(counter); returns ciphertext ‖ tag. */
export function aeadSeal(key: Uint8Array, counter: number, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
  const out = new Uint8Array(plaintext.length + AEAD_TAG_BYTES);
  aeadBackend.seal(key, nonceFor(counter), plaintext, aad ?? null, out, 0);
  return out;
}

/** AEAD open: the plaintext, or null when authentication fails. */
export function aeadOpen(key: Uint8Array, counter: number, ciphertext: Uint8Array, aad?: Uint8Array): Uint8Array | null {
  if (ciphertext.length < AEAD_TAG_BYTES) return null;
  const out = new Uint8Array(ciphertext.length - AEAD_TAG_BYTES);
  return aeadBackend.open(key, nonceFor(counter), ciphertext, aad ?? null, out, 0) < 0 ? null : out;
}

/** XAEAD: XChaCha20-Poly1305 with a 24-byte nonce (cookie replies). */
export function xaeadSeal(key: Uint8Array, nonce24: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  return xchacha20poly1305(key, nonce24, aad).encrypt(plaintext);
}

/** XAEAD open: the plaintext, or null when authentication fails. */
export function xaeadOpen(key: Uint8Array, nonce24: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array | null {
  if (ciphertext.length < AEAD_TAG_BYTES) return null;
  try {
    return xchacha20poly1305(key, nonce24, aad).decrypt(ciphertext);
  } catch {
    return null; // noble throws "invalid tag"
  }
}

/**
 * Seals one transport payload: writes ciphertext ‖ tag (plaintext.length + 16 bytes) at out[outOffset]
 * and returns that length. `plaintext` may be exactly the output region (in place), not a partial overlap.
 */
export function sealTransport(key: Uint8Array, counter: number, plaintext: Uint8Array,
  out: Uint8Array, outOffset: number): number {
  return aeadBackend.seal(key, nonceFor(counter), plaintext, null, out, outOffset);
}

/**
 * Opens one transport payload into out[outOffset]; returns the plaintext length, or -1 on auth failure
 * (the output region may then be zeroed, so a failed in-place open leaves nothing to retry with).
 */
export function openTransport(key: Uint8Array, counter: number, ciphertext: Uint8Array,
  out: Uint8Array, outOffset: number): number {
  return aeadBackend.open(key, nonceFor(counter), ciphertext, null, out, outOffset);
}

/** The AEAD backend in use, for logs and benchmarks. */
export const aeadBackendName = aeadBackend.name;

/** Constant-time equality of two byte strings of the same length (false if lengths differ). */
export function equalConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
