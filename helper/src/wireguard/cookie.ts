// mac1/mac2 and cookie replies, WireGuard's DoS defence (whitepaper §5.4.4, §5.4.7; wireguard-go cookie.go).
import type { Clock } from '../time/clock.js';
import { equalConstantTime, hash, KEY_BYTES, MAC_BYTES, mac, xaeadOpen, xaeadSeal } from './crypto.js';
import { COOKIE_REFRESH_TIME_MS, MESSAGE_COOKIE_REPLY_SIZE, MESSAGE_COOKIE_REPLY_TYPE } from './constants.js';
import type { Random } from './random.js';

const LABEL_MAC1 = Uint8Array.from('mac1----', (c) => c.charCodeAt(0));
const LABEL_COOKIE = Uint8Array.from('cookie--', (c) => c.charCodeAt(0));
const NONCE_BYTES = 24;
// Cookie reply layout: type+reserved, receiver index, nonce, encrypted cookie (16 + 16 tag).
const REPLY_RECEIVER = 4, REPLY_NONCE = 8, REPLY_COOKIE = 32;

// mac1 and mac2 are the last 32 bytes of initiations (148) and responses (92); each covers everything before it.
function mac1Start(message: Uint8Array): number {
  return message.length - 2 * MAC_BYTES;
}
function mac2Start(message: Uint8Array): number {
  return message.length - MAC_BYTES;
}

/** The responder-private cookie input: address bytes ‖ port (little-endian, like wireguard-go). */
function sourceBytes(address: Uint8Array, port: number): Uint8Array {
  const out = new Uint8Array(address.length + 2);
  out.set(address);
  out[address.length] = port & 0xff;
  out[address.length + 1] = (port >>> 8) & 0xff;
  return out;
}

/** Our side: validates the macs of handshake messages we receive and answers with cookie replies. */
export class CookieChecker {
  private readonly mac1Key: Uint8Array;
  private readonly cookieKey: Uint8Array;
  private secret = new Uint8Array(KEY_BYTES);
  private secretSetMs = -Infinity;

  constructor(localPublicKey: Uint8Array, private readonly clock: Clock, private readonly random: Random) {
    this.mac1Key = hash(LABEL_MAC1, localPublicKey);
    this.cookieKey = hash(LABEL_COOKIE, localPublicKey);
  }

  /** mac1 = MAC(HASH("mac1----" ‖ our public key), message up to mac1); constant-time compare. */
  checkMac1(message: Uint8Array): boolean {
    const start = mac1Start(message);
    if (start < 0) return false;
    const expected = mac(this.mac1Key, message.subarray(0, start));
    return equalConstantTime(expected, message.subarray(start, start + MAC_BYTES));
  }

  /** mac2 = MAC(cookie for this source, message up to mac2); false once our secret is older than 120 s. */
  checkMac2(message: Uint8Array, sourceAddress: Uint8Array, sourcePort: number): boolean {
    const start = mac2Start(message);
    if (start < MAC_BYTES || this.clock.nowMs() - this.secretSetMs > COOKIE_REFRESH_TIME_MS) return false;
    const cookie = mac(this.secret, sourceBytes(sourceAddress, sourcePort));
    return equalConstantTime(mac(cookie, message.subarray(0, start)), message.subarray(start));
  }

  /** A 64-byte cookie reply to `message` (whose mac1 is the AAD), for the sender index `receiverIndex`. */
  createReply(message: Uint8Array, receiverIndex: number, sourceAddress: Uint8Array, sourcePort: number): Uint8Array {
    const nowMs = this.clock.nowMs();
    if (nowMs - this.secretSetMs > COOKIE_REFRESH_TIME_MS) {
      this.secret = Uint8Array.from(this.random.bytes(KEY_BYTES));
      this.secretSetMs = nowMs;
    }
    const cookie = mac(this.secret, sourceBytes(sourceAddress, sourcePort));
    const nonce = this.random.bytes(NONCE_BYTES);
    const start = mac1Start(message);
    const sealed = xaeadSeal(this.cookieKey, nonce, cookie, message.subarray(start, start + MAC_BYTES));
    const reply = new Uint8Array(MESSAGE_COOKIE_REPLY_SIZE);
    reply[0] = MESSAGE_COOKIE_REPLY_TYPE;
    new DataView(reply.buffer).setUint32(REPLY_RECEIVER, receiverIndex, true);
    reply.set(nonce, REPLY_NONCE);
    reply.set(sealed, REPLY_COOKIE);
    return reply;
  }
}

/** Per peer: stamps mac1/mac2 on the handshake messages we send and takes the cookies the peer replies with. */
export class CookieGenerator {
  private readonly mac1Key: Uint8Array;
  private readonly cookieKey: Uint8Array;
  private lastMac1: Uint8Array | null = null;
  private cookie: Uint8Array | null = null;
  private cookieSetMs = -Infinity;

  constructor(remotePublicKey: Uint8Array, private readonly clock: Clock) {
    this.mac1Key = hash(LABEL_MAC1, remotePublicKey);
    this.cookieKey = hash(LABEL_COOKIE, remotePublicKey);
  }

  /** Writes mac1, and mac2 if we hold a cookie younger than 120 s (else zeros), into `message` in place. */
  addMacs(message: Uint8Array): void {
    const start1 = mac1Start(message);
    const mac1 = mac(this.mac1Key, message.subarray(0, start1));
    message.set(mac1, start1);
    this.lastMac1 = mac1;
    const start2 = mac2Start(message);
    const fresh = this.cookie !== null && this.clock.nowMs() - this.cookieSetMs < COOKIE_REFRESH_TIME_MS;
    if (fresh && this.cookie) message.set(mac(this.cookie, message.subarray(0, start2)), start2);
    else message.fill(0, start2);
  }

  /**
   * Takes a 64-byte cookie reply: true if it decrypts against the last mac1 we sent (only one cookie is
   * accepted per sent mac1). It is not authenticated by the peer's static key: do not touch timers or endpoint.
   */
  consumeReply(message: Uint8Array): boolean {
    if (message.length !== MESSAGE_COOKIE_REPLY_SIZE || message[0] !== MESSAGE_COOKIE_REPLY_TYPE) return false;
    if (!this.lastMac1) return false;
    const nonce = message.subarray(REPLY_NONCE, REPLY_COOKIE);
    const cookie = xaeadOpen(this.cookieKey, nonce, message.subarray(REPLY_COOKIE), this.lastMac1);
    if (!cookie) return false;
    this.cookie = cookie;
    this.cookieSetMs = this.clock.nowMs();
    this.lastMac1 = null;
    return true;
  }
}
