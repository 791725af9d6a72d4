// One session's transport keys and counters (whitepaper §5.4.6; wireguard-go keypair.go).
import { ReplayWindow } from './replay.js';

export interface KeypairInit {
  sendKey: Uint8Array; receiveKey: Uint8Array; localIndex: number; remoteIndex: number;
  createdAtMs: number; isInitiator: boolean;
}

/** Keys derived by one handshake; `localIndex` is what the peer writes as receiver in its data packets. */
export class Keypair {
  readonly sendKey: Uint8Array;
  readonly receiveKey: Uint8Array;
  readonly localIndex: number;
  readonly remoteIndex: number;
  /** Monotonic ms (Clock.nowMs) when the keys were derived: the age rules count from here. */
  readonly createdAtMs: number;
  /** Only the initiator of a keypair rekeys on its age. */
  readonly isInitiator: boolean;
  /** The next counter to send with (also the nonce). */
  sendCounter = 0;
  readonly replay = new ReplayWindow();

  constructor(init: KeypairInit) {
    this.sendKey = init.sendKey;
    this.receiveKey = init.receiveKey;
    this.localIndex = init.localIndex;
    this.remoteIndex = init.remoteIndex;
    this.createdAtMs = init.createdAtMs;
    this.isInitiator = init.isInitiator;
  }

  /** Overwrites both keys with zeros, so a destroyed keypair can neither seal nor open anything. */
  zeroKeys(): void {
    this.sendKey.fill(0);
    this.receiveKey.fill(0);
  }
}
