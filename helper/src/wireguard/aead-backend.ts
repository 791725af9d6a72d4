// The ChaCha20-Poly1305 (RFC 8439) backend, chosen once: libsodium when sodium-native loads, node:crypto otherwise.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { sodiumRaw, type SodiumRawAead } from './sodium.js';

export const AEAD_TAG_BYTES = 16;
export const AEAD_NONCE_BYTES = 12;

/**
 * `seal` writes ciphertext ‖ tag (plaintext length + 16 bytes) at out[outOffset] and returns that length;
 * `open` writes the plaintext there and returns its length, or -1 when the tag does not verify (libsodium then
 * zeroes the output region, so a failed in-place open destroys the ciphertext). Input and output may be the
 * same bytes (in place) but must not overlap partially.
 */
export interface AeadBackend {
  readonly name: 'libsodium' | 'node:crypto';
  seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array | null,
    out: Uint8Array, outOffset: number): number;
  open(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array | null,
    out: Uint8Array, outOffset: number): number;
}

/** The raw binding trusts its arguments, so every size is checked here (a wrong one would be a memory error). */
function validSizes(key: Uint8Array, nonce: Uint8Array, end: number, out: Uint8Array): boolean {
  return key.length === 32 && nonce.length === AEAD_NONCE_BYTES && end <= out.length;
}

function sodiumBackend(lib: SodiumRawAead): AeadBackend {
  return {
    name: 'libsodium',
    seal(key, nonce, plaintext, aad, out, outOffset) {
      const end = outOffset + plaintext.length + AEAD_TAG_BYTES;
      if (!validSizes(key, nonce, end, out)) throw new RangeError('seal: bad key, nonce or output size');
      const sealed = outOffset === 0 && end === out.length ? out : out.subarray(outOffset, end);
      const written = lib.crypto_aead_chacha20poly1305_ietf_encrypt(sealed, plaintext, aad ?? undefined, nonce, key);
      if (written < 0) throw new Error('libsodium could not encrypt');
      return written;
    },
    open(key, nonce, ciphertext, aad, out, outOffset) {
      const end = outOffset + ciphertext.length - AEAD_TAG_BYTES;
      if (end < outOffset) return -1;
      if (!validSizes(key, nonce, end, out)) throw new RangeError('open: bad key, nonce or output size');
      const opened = outOffset === 0 && end === out.length ? out : out.subarray(outOffset, end);
      // libsodium verifies the tag before decrypting and returns -1 (after zeroing the output) when it fails.
      return lib.crypto_aead_chacha20poly1305_ietf_decrypt(opened, ciphertext, aad ?? undefined, nonce, key) < 0 ? -1 : opened.length;
    },
  };
}

const NODE_OPTIONS = { authTagLength: AEAD_TAG_BYTES } as const;

/** node:crypto costs one cipher object per call (~13 µs): the fallback only. */
const nodeBackend: AeadBackend = {
  name: 'node:crypto',
  seal(key, nonce, plaintext, aad, out, outOffset) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce, NODE_OPTIONS);
    if (aad) cipher.setAAD(aad, { plaintextLength: plaintext.length });
    const body = cipher.update(plaintext);
    cipher.final();
    out.set(body, outOffset);
    out.set(cipher.getAuthTag(), outOffset + body.length);
    return body.length + AEAD_TAG_BYTES;
  },
  open(key, nonce, ciphertext, aad, out, outOffset) {
    const bodyBytes = ciphertext.length - AEAD_TAG_BYTES;
    if (bodyBytes < 0) return -1;
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, NODE_OPTIONS);
    decipher.setAuthTag(ciphertext.subarray(bodyBytes));
    if (aad) decipher.setAAD(aad, { plaintextLength: bodyBytes });
    const body = decipher.update(ciphertext.subarray(0, bodyBytes));
    try {
      decipher.final();
    } catch {
      return -1; // "Unsupported state or unable to authenticate data"
    }
    out.set(body, outOffset);
    return bodyBytes;
  },
};

export const nodeAeadBackend: AeadBackend = nodeBackend;
/** Null when sodium-native did not load. */
export const sodiumAeadBackend: AeadBackend | null = sodiumRaw ? sodiumBackend(sodiumRaw) : null;
/** The backend every caller uses. */
export const aeadBackend: AeadBackend = sodiumAeadBackend ?? nodeAeadBackend;
