// The Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s steps WireGuard runs (whitepaper §5.4.2–5.4.4), with prologue, payloads and ephemerals injectable so the Cacophony vector can drive them.
import { aeadOpen, aeadSeal, dh, hash, kdf1, kdf2, kdf3, publicKeyOf } from './crypto.js';

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export const CONSTRUCTION = ascii('Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s');
export const IDENTIFIER = ascii('WireGuard v1 zx2c4 Jason@zx2c4.com');
/** C0 = HASH(CONSTRUCTION): the initial chaining key. */
export const C0 = hash(CONSTRUCTION);
/** H0 = HASH(C0 ‖ IDENTIFIER): the hash after mixing WireGuard's prologue. */
export const H0 = prologueHash(IDENTIFIER);

const EMPTY = new Uint8Array(0);

/** HASH(C0 ‖ prologue): Noise's InitializeSymmetric + MixHash(prologue) for a 37-byte protocol name. */
export function prologueHash(prologue: Uint8Array): Uint8Array {
  return hash(C0, prologue);
}

/** Noise's symmetric state between messages. */
export interface ChainState { chainingKey: Uint8Array; hash: Uint8Array }

export interface InitiatorKeys {
  staticPrivate: Uint8Array; staticPublic: Uint8Array; ephemeralPrivate: Uint8Array;
  remoteStatic: Uint8Array; staticStatic: Uint8Array | null;
}

export interface InitiationParts { ephemeralPublic: Uint8Array; encryptedStatic: Uint8Array; encryptedPayload: Uint8Array }

/** Message 1 (initiator): e, es, s, ss, {payload}. Null if a DH result is zero. */
export function writeInitiation(h0: Uint8Array, keys: InitiatorKeys, payload: Uint8Array):
  { parts: InitiationParts; state: ChainState } | null {
  const ephemeralPublic = publicKeyOf(keys.ephemeralPrivate);
  let h = hash(hash(h0, keys.remoteStatic), ephemeralPublic);
  const es = dh(keys.ephemeralPrivate, keys.remoteStatic);
  if (!es || !keys.staticStatic) return null;
  let [ck, k] = kdf2(kdf1(C0, ephemeralPublic)[0], es);
  const encryptedStatic = aeadSeal(k, 0, keys.staticPublic, h);
  h = hash(h, encryptedStatic);
  [ck, k] = kdf2(ck, keys.staticStatic);
  const encryptedPayload = aeadSeal(k, 0, payload, h);
  h = hash(h, encryptedPayload);
  return { parts: { ephemeralPublic, encryptedStatic, encryptedPayload }, state: { chainingKey: ck, hash: h } };
}

/** Returns DH(local static, remote static) for a remote static we know, or null/undefined to reject it. */
export type StaticStaticLookup = (remoteStatic: Uint8Array) => Uint8Array | null | undefined;

/** Message 1 (responder): decrypts the initiator's static key and payload. Null on any failure. */
export function readInitiation(h0: Uint8Array, localPrivate: Uint8Array, localPublic: Uint8Array,
  parts: InitiationParts, staticStaticOf: StaticStaticLookup):
  { remoteStatic: Uint8Array; payload: Uint8Array; state: ChainState } | null {
  let h = hash(hash(h0, localPublic), parts.ephemeralPublic);
  const es = dh(localPrivate, parts.ephemeralPublic);
  if (!es) return null;
  let [ck, k] = kdf2(kdf1(C0, parts.ephemeralPublic)[0], es);
  const remoteStatic = aeadOpen(k, 0, parts.encryptedStatic, h);
  if (!remoteStatic) return null;
  h = hash(h, parts.encryptedStatic);
  const ss = staticStaticOf(remoteStatic);
  if (!ss) return null;
  [ck, k] = kdf2(ck, ss);
  const payload = aeadOpen(k, 0, parts.encryptedPayload, h);
  if (!payload) return null;
  h = hash(h, parts.encryptedPayload);
  return { remoteStatic, payload, state: { chainingKey: ck, hash: h } };
}

/** The shared tail of message 2 for both sides: ee, se, psk, {payload} with the given DH results. */
function mixResponse(state: ChainState, responderEphemeral: Uint8Array, ee: Uint8Array, se: Uint8Array,
  presharedKey: Uint8Array): { chainingKey: Uint8Array; hash: Uint8Array; key: Uint8Array } {
  const h = hash(state.hash, responderEphemeral);
  let [ck] = kdf1(state.chainingKey, responderEphemeral);
  [ck] = kdf1(ck, ee);
  [ck] = kdf1(ck, se);
  const [chainingKey, tau, key] = kdf3(ck, presharedKey);
  return { chainingKey, hash: hash(h, tau), key };
}

/** Message 2 (responder): e, ee, se, psk, {payload}. Null if a DH result is zero. */
export function writeResponse(state: ChainState, ephemeralPrivate: Uint8Array, remoteEphemeral: Uint8Array,
  remoteStatic: Uint8Array, presharedKey: Uint8Array, payload: Uint8Array):
  { ephemeralPublic: Uint8Array; encryptedPayload: Uint8Array; state: ChainState } | null {
  const ephemeralPublic = publicKeyOf(ephemeralPrivate);
  const ee = dh(ephemeralPrivate, remoteEphemeral);
  const se = dh(ephemeralPrivate, remoteStatic);
  if (!ee || !se) return null;
  const mixed = mixResponse(state, ephemeralPublic, ee, se, presharedKey);
  const encryptedPayload = aeadSeal(mixed.key, 0, payload, mixed.hash);
  const next = { chainingKey: mixed.chainingKey, hash: hash(mixed.hash, encryptedPayload) };
  return { ephemeralPublic, encryptedPayload, state: next };
}

/** Message 2 (initiator): checks the responder's payload. Null on any failure. */
export function readResponse(state: ChainState, staticPrivate: Uint8Array, ephemeralPrivate: Uint8Array,
  presharedKey: Uint8Array, remoteEphemeral: Uint8Array, encryptedPayload: Uint8Array):
  { payload: Uint8Array; state: ChainState } | null {
  const ee = dh(ephemeralPrivate, remoteEphemeral);
  const se = dh(staticPrivate, remoteEphemeral);
  if (!ee || !se) return null;
  const mixed = mixResponse(state, remoteEphemeral, ee, se, presharedKey);
  const payload = aeadOpen(mixed.key, 0, encryptedPayload, mixed.hash);
  if (!payload) return null;
  return { payload, state: { chainingKey: mixed.chainingKey, hash: hash(mixed.hash, encryptedPayload) } };
}

/** Noise Split(): (initiator→responder, responder→initiator) keys, oriented for one side. */
export function split(state: ChainState, isInitiator: boolean): { sendKey: Uint8Array; receiveKey: Uint8Array } {
  const [first, second] = kdf2(state.chainingKey, EMPTY);
  return isInitiator ? { sendKey: first, receiveKey: second } : { sendKey: second, receiveKey: first };
}
