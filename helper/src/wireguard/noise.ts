// WireGuard's handshake messages 1 and 2 (whitepaper §5.4.2–5.4.3): pure functions from keys to the 148/92-byte layouts and back.
import { dh, generatePrivateKey, KEY_BYTES } from './crypto.js';
import {
  MESSAGE_INITIATION_SIZE, MESSAGE_INITIATION_TYPE, MESSAGE_RESPONSE_SIZE, MESSAGE_RESPONSE_TYPE,
} from './constants.js';
import {
  H0, readInitiation, readResponse, split, writeInitiation, writeResponse, type InitiationParts,
} from './noise-ikpsk2.js';
import type { Random } from './random.js';
import { tai64n } from './tai64n.js';

export interface LocalIdentity { privateKey: Uint8Array; publicKey: Uint8Array }

export interface PeerSecrets {
  remoteStatic: Uint8Array;
  /** 32 zero bytes when none is configured: the psk2 step always runs. */
  presharedKey: Uint8Array;
  /** DH(local private, remoteStatic), precomputed; null when remoteStatic has low order (it can never handshake). */
  staticStatic: Uint8Array | null;
}

export interface InitiatorState { chainingKey: Uint8Array; hash: Uint8Array; ephemeralPrivate: Uint8Array; localIndex: number }

export interface ConsumedInitiation {
  remoteStatic: Uint8Array; timestamp: Uint8Array; remoteIndex: number;
  remoteEphemeral: Uint8Array; chainingKey: Uint8Array; hash: Uint8Array;
}

export interface SessionKeys { sendKey: Uint8Array; receiveKey: Uint8Array }

const EMPTY = new Uint8Array(0);

// Byte offsets of the message fields (whitepaper §5.4.2, §5.4.3); mac1/mac2 are the last 32 bytes of both.
const INIT_SENDER = 4, INIT_EPHEMERAL = 8, INIT_STATIC = 40, INIT_TIMESTAMP = 88, INIT_MAC1 = 116;
const RESP_SENDER = 4, RESP_RECEIVER = 8, RESP_EPHEMERAL = 12, RESP_EMPTY = 44, RESP_MAC1 = 60;

function hasHeader(message: Uint8Array, type: number, size: number): boolean {
  // Type and the three reserved bytes read as one little-endian u32, as wireguard-go and the kernel do.
  return message.length === size && message[0] === type && message[1] === 0 && message[2] === 0 && message[3] === 0;
}

function view(message: Uint8Array): DataView {
  return new DataView(message.buffer, message.byteOffset, message.length);
}

/** Precomputes what every handshake with one peer needs. */
export function createPeerSecrets(local: LocalIdentity, remoteStatic: Uint8Array, presharedKey?: Uint8Array): PeerSecrets {
  return {
    remoteStatic: Uint8Array.from(remoteStatic),
    presharedKey: presharedKey ? Uint8Array.from(presharedKey) : new Uint8Array(KEY_BYTES),
    staticStatic: dh(local.privateKey, remoteStatic),
  };
}

/**
 * Builds a 148-byte initiation (mac1/mac2 left zero: CookieGenerator.addMacs fills them).
 * Throws if peer.staticStatic is null: check it when the peer is configured, such a peer can never handshake.
 */
export function createInitiation(local: LocalIdentity, peer: PeerSecrets, localIndex: number, wallMs: number,
  random: Random): { message: Uint8Array; state: InitiatorState } {
  const ephemeralPrivate = generatePrivateKey(random);
  const written = writeInitiation(H0, {
    staticPrivate: local.privateKey, staticPublic: local.publicKey, ephemeralPrivate,
    remoteStatic: peer.remoteStatic, staticStatic: peer.staticStatic,
  }, tai64n(wallMs));
  if (!written) throw new Error('createInitiation: peer public key has low order');
  const message = new Uint8Array(MESSAGE_INITIATION_SIZE);
  message[0] = MESSAGE_INITIATION_TYPE;
  view(message).setUint32(INIT_SENDER, localIndex, true);
  message.set(written.parts.ephemeralPublic, INIT_EPHEMERAL);
  message.set(written.parts.encryptedStatic, INIT_STATIC);
  message.set(written.parts.encryptedPayload, INIT_TIMESTAMP);
  const { chainingKey, hash } = written.state;
  return { message, state: { chainingKey, hash, ephemeralPrivate, localIndex } };
}

/**
 * Decrypts a 148-byte initiation addressed to `local` (mac1 is the caller's job, via CookieChecker).
 * With `lookup`, an unknown initiator is rejected before the timestamp is decrypted and the peer's
 * precomputed static-static DH is used; without it that DH is computed here. Null on any failure.
 */
export function consumeInitiation(local: LocalIdentity, message: Uint8Array,
  lookup?: (remoteStatic: Uint8Array) => PeerSecrets | undefined): ConsumedInitiation | null {
  if (!hasHeader(message, MESSAGE_INITIATION_TYPE, MESSAGE_INITIATION_SIZE)) return null;
  const parts: InitiationParts = {
    ephemeralPublic: message.slice(INIT_EPHEMERAL, INIT_STATIC),
    encryptedStatic: message.subarray(INIT_STATIC, INIT_TIMESTAMP),
    encryptedPayload: message.subarray(INIT_TIMESTAMP, INIT_MAC1),
  };
  const read = readInitiation(H0, local.privateKey, local.publicKey, parts, (remoteStatic) =>
    lookup ? lookup(remoteStatic)?.staticStatic : dh(local.privateKey, remoteStatic));
  if (!read) return null;
  return {
    remoteStatic: read.remoteStatic, timestamp: read.payload,
    remoteIndex: view(message).getUint32(INIT_SENDER, true), remoteEphemeral: parts.ephemeralPublic,
    chainingKey: read.state.chainingKey, hash: read.state.hash,
  };
}

/** Builds the 92-byte response (macs zero) to a consumed initiation and derives the responder's session keys. */
export function createResponse(local: LocalIdentity, peer: PeerSecrets, consumed: ConsumedInitiation,
  localIndex: number, random: Random): { message: Uint8Array } & SessionKeys {
  const ephemeralPrivate = generatePrivateKey(random);
  const written = writeResponse(consumed, ephemeralPrivate, consumed.remoteEphemeral,
    peer.remoteStatic, peer.presharedKey, EMPTY);
  ephemeralPrivate.fill(0);
  // consumeInitiation already rejected low-order ephemeral and static keys, so this is a caller bug.
  if (!written) throw new Error('createResponse: initiation was not consumed with this peer');
  const message = new Uint8Array(MESSAGE_RESPONSE_SIZE);
  message[0] = MESSAGE_RESPONSE_TYPE;
  const fields = view(message);
  fields.setUint32(RESP_SENDER, localIndex, true);
  fields.setUint32(RESP_RECEIVER, consumed.remoteIndex, true);
  message.set(written.ephemeralPublic, RESP_EPHEMERAL);
  message.set(written.encryptedPayload, RESP_EMPTY);
  return { message, ...split(written.state, false) };
}

/**
 * Completes our handshake from a 92-byte response (mac1 is the caller's job). Null if it is not a
 * response to `state` (receiver index), or fails authentication. The caller then discards `state`.
 */
export function consumeResponse(local: LocalIdentity, peer: PeerSecrets, state: InitiatorState,
  message: Uint8Array): ({ remoteIndex: number } & SessionKeys) | null {
  if (!hasHeader(message, MESSAGE_RESPONSE_TYPE, MESSAGE_RESPONSE_SIZE)) return null;
  const fields = view(message);
  if (fields.getUint32(RESP_RECEIVER, true) !== state.localIndex) return null;
  const read = readResponse(state, local.privateKey, state.ephemeralPrivate, peer.presharedKey,
    message.slice(RESP_EPHEMERAL, RESP_EMPTY), message.subarray(RESP_EMPTY, RESP_MAC1));
  if (!read || read.payload.length !== 0) return null;
  return { remoteIndex: fields.getUint32(RESP_SENDER, true), ...split(read.state, true) };
}

