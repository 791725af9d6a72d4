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

function load(): SodiumNative | null {
  try {
    return createRequire(import.meta.url)('sodium-native') as SodiumNative;
  } catch {
    // No prebuilt binary for this platform: callers fall back to node:crypto.
    return null;
  }
}

/** The binding, or null when it cannot be loaded. */
export const sodium: SodiumNative | null = load();
