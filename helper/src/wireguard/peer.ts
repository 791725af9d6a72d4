// One configured peer's protocol state: keypair slots, handshake bookkeeping, staged packets, stats (wireguard-go peer.go, keypair.go).
import type { Clock } from '../time/clock.js';
import { MAX_STAGED_PACKETS } from './constants.js';
import { CookieGenerator } from './cookie.js';
import type { Endpoint, PeerStats } from './device-types.js';
import type { IndexTable } from './index-table.js';
import type { Keypair } from './keypair.js';
import type { InitiatorState, PeerSecrets } from './noise.js';
import type { Random } from './random.js';
import { TAI64N_BYTES } from './tai64n.js';
import { PeerTimers } from './timers.js';

/** What a local index points at: an in-flight initiation of `peer` (keypair null) or one of its keypairs. */
export interface IndexEntry {
  peer: Peer;
  keypair: Keypair | null;
}

/*
 * Keypair slots (whitepaper §5.4.6, wireguard-go BeginSymmetricSession / ReceivedWithKeypair):
 *
 *   initiator consumes response:   previous ← next ?? current;  current ← new  (destroy the rest)
 *   responder sends response:      next ← new;  previous destroyed;  current kept
 *   responder receives on next:    previous ← current;  current ← next;  next ← null
 *
 * Only `current` sends; any keypair still in the index table receives.
 */
export class Peer {
  readonly name: string;
  readonly cookies: CookieGenerator;
  readonly timers: PeerTimers;
  endpoint: Endpoint | undefined;

  current: Keypair | null = null;
  previous: Keypair | null = null;
  next: Keypair | null = null;

  /** Our in-flight initiation and its index entry. */
  initiation: InitiatorState | null = null;
  lastSentHandshakeMs = -Infinity;
  initiationSentAtMs = -Infinity;
  /** Greatest TAI64N accepted from this peer and when: the responder's replay and flood checks. */
  lastTimestamp: Uint8Array = new Uint8Array(TAI64N_BYTES);
  lastInitiationConsumedMs = -Infinity;

  /** Copies of outgoing packets waiting for a session; an empty array stands for a keepalive. */
  staged: Uint8Array[] = [];

  rxBytes = 0;
  txBytes = 0;
  rxPackets = 0;
  txPackets = 0;
  lastHandshakeWallMs: number | null = null;
  handshakeRttMs: number | null = null;

  // Per-batch bookkeeping, reset by the batch that sets it (avoids a Map per batch).
  inTxBatch = false;
  txBatchHadData = false;
  inRxBatch = false;
  rxBatchHadData = false;
  rxBatchLastValid = -1;

  constructor(readonly publicKey: Uint8Array, readonly secrets: PeerSecrets, endpoint: Endpoint | undefined,
    persistentKeepaliveSeconds: number, clock: Clock, random: Random) {
    this.name = Buffer.from(publicKey).toString('base64');
    this.endpoint = endpoint ? { address: endpoint.address, port: endpoint.port } : undefined;
    this.cookies = new CookieGenerator(publicKey, clock);
    this.timers = new PeerTimers(clock, random, persistentKeepaliveSeconds * 1000);
  }

  /** Keeps a copy of `packet` until a session exists; the oldest is dropped past MAX_STAGED_PACKETS. */
  stage(packet: Uint8Array): void {
    this.staged.push(packet.length === 0 ? packet : Uint8Array.from(packet));
    if (this.staged.length > MAX_STAGED_PACKETS) this.staged.shift();
  }

  /** The initiator side of the rotation diagram. */
  installAsInitiator(keypair: Keypair, table: IndexTable<IndexEntry>): void {
    if (this.next) {
      destroy(this.current, table);
      this.current = null;
      destroy(this.previous, table);
      this.previous = this.next;
      this.next = null;
    } else {
      destroy(this.previous, table);
      this.previous = this.current;
    }
    this.current = keypair;
  }

  /** The responder side: the new keypair waits in `next` until the initiator uses it. */
  installAsResponder(keypair: Keypair, table: IndexTable<IndexEntry>): void {
    destroy(this.next, table);
    this.next = keypair;
    destroy(this.previous, table);
    this.previous = null;
  }

  /** Promotes `next` when data arrives on it; true when that happened (the responder's key confirmation). */
  receivedWith(keypair: Keypair, table: IndexTable<IndexEntry>): boolean {
    if (this.next !== keypair) return false;
    destroy(this.previous, table);
    this.previous = this.current;
    this.current = keypair;
    this.next = null;
    return true;
  }

  /** Forgets our in-flight initiation: its index stops resolving and its secrets are wiped. */
  clearInitiation(table: IndexTable<IndexEntry>): void {
    if (!this.initiation) return;
    table.delete(this.initiation.localIndex);
    this.initiation.chainingKey.fill(0);
    this.initiation.hash.fill(0);
    this.initiation.ephemeralPrivate.fill(0);
    this.initiation = null;
  }

  /** Destroys every keypair and the handshake state and drops staged packets (zeroKeyMaterial, device down). */
  zeroAndFlushAll(table: IndexTable<IndexEntry>): void {
    for (const keypair of [this.previous, this.current, this.next]) destroy(keypair, table);
    this.previous = this.current = this.next = null;
    this.clearInitiation(table);
    this.staged = [];
  }

  stats(): PeerStats {
    return {
      publicKey: this.name,
      ...(this.endpoint ? { endpoint: { ...this.endpoint } } : {}),
      rxBytes: this.rxBytes, txBytes: this.txBytes, rxPackets: this.rxPackets, txPackets: this.txPackets,
      lastHandshakeWallMs: this.lastHandshakeWallMs, handshakeRttMs: this.handshakeRttMs,
    };
  }
}

function destroy(keypair: Keypair | null, table: IndexTable<IndexEntry>): void {
  if (!keypair) return;
  table.delete(keypair.localIndex);
  keypair.zeroKeys();
}
