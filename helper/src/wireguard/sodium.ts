// Loads the optional libsodium binding (sodium-native, CommonJS) and types the few functions WireGuard uses.
import { createRequire } from 'node:module';

/** The subset of sodium-native we call; every function throws on failure (e.g. a forged tag or a zero DH). */
export interface SodiumNative {
  crypto_scalarmult(q: Uint8Array, n: Uint8Array, p: Uint8Array): void;
  crypto_scalarmult_base(q: Uint8Array, n: Uint8Array): void;
  crypto_aead_chacha20poly1305_ietf_encrypt(
    c: Uint8Array, m: Uint8Array, ad: Uint8Array | null, nsec: null, npub: Uint8Array, k: Uint8Array,
  ): number;
  crypto_aead_chacha20poly1305_ietf_decrypt(
    m: Uint8Array, nsec: null, c: Uint8Array, ad: Uint8Array | null, npub: Uint8Array, k: Uint8Array,
  ): number;
}

/**
 * The raw addon under sodium-native's checked wrappers, for the transport hot path: no argument assertions, and
 * -1 instead of a thrown Error for a forged tag. The caller guarantees the sizes (c = m + 16, 12-byte nonce, 32-byte key).
 */
export interface SodiumRawAead {
  crypto_aead_chacha20poly1305_ietf_encrypt(c: Uint8Array, m: Uint8Array, ad: Uint8Array | undefined,
    npub: Uint8Array, k: Uint8Array): number;
  crypto_aead_chacha20poly1305_ietf_decrypt(m: Uint8Array, c: Uint8Array, ad: Uint8Array | undefined,
    npub: Uint8Array, k: Uint8Array): number;
}

function load<T>(specifier: string): T | null {
  try {
    return createRequire(import.meta.url)(specifier) as T;
  } catch {
    // No prebuilt binary for this platform: callers fall back to node:crypto.
    return null;
  }
}

/** The binding, or null when it cannot be loaded. */
export const sodium: SodiumNative | null = load<SodiumNative>('sodium-native');
/** The unchecked binding (sodium-native/binding.js), or null. */
export const sodiumRaw: SodiumRawAead | null = sodium ? load<SodiumRawAead>('sodium-native/binding.js') : null;
