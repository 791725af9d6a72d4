// The ChaCha20-Poly1305 (RFC 8439) backend, chosen once: libsodium when sodium-native loads, node:crypto otherwise.
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { sodium, type SodiumNative } from './sodium.js';

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

function sodiumBackend(lib: SodiumNative): AeadBackend {
  return {
    name: 'libsodium',
    seal(key, nonce, plaintext, aad, out, outOffset) {
      const sealed = out.subarray(outOffset, outOffset + plaintext.length + AEAD_TAG_BYTES);
      return lib.crypto_aead_chacha20poly1305_ietf_encrypt(sealed, plaintext, aad, null, nonce, key);
    },
    open(key, nonce, ciphertext, aad, out, outOffset) {
      if (ciphertext.length < AEAD_TAG_BYTES) return -1;
      const opened = out.subarray(outOffset, outOffset + ciphertext.length - AEAD_TAG_BYTES);
      try {
        return lib.crypto_aead_chacha20poly1305_ietf_decrypt(opened, null, ciphertext, aad, nonce, key);
      } catch {
        return -1; // sodium-native throws "could not verify data"; libsodium verifies before decrypting
      }
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
export const sodiumAeadBackend: AeadBackend | null = sodium ? sodiumBackend(sodium) : null;
/** The backend every caller uses. */
export const aeadBackend: AeadBackend = sodiumAeadBackend ?? nodeAeadBackend;
