// The sans-IO WireGuard device: bytes and the injected clock in, DeviceIo calls out (boringtun-style core, wireguard-go semantics).
import type { Clock } from '../time/clock.js';
import { AllowedIps } from './allowed-ips.js';
import {
  MESSAGE_COOKIE_REPLY_SIZE, MESSAGE_INITIATION_SIZE, MESSAGE_RESPONSE_SIZE, MESSAGE_TRANSPORT_SIZE_MIN,
  MESSAGE_TRANSPORT_TYPE,
} from './constants.js';
import { CookieChecker } from './cookie.js';
import { KEY_BYTES, publicKeyOf } from './crypto.js';
import type { DeviceContext } from './device-context.js';
import type { DeviceConfig, DeviceEvent, DeviceIo, Endpoint, PeerConfig, PeerStats } from './device-types.js';
import { receiveHandshakeMessage } from './handshake-receive.js';
import { sendHandshakeInitiation } from './handshake-send.js';
import { IndexTable } from './index-table.js';
import { LoadMonitor } from './load-monitor.js';
import { createPeerSecrets } from './noise.js';
import { Peer, type IndexEntry } from './peer.js';
import { reportDrop } from './peer-updates.js';
import type { Random } from './random.js';
import { finishReceiveBatch, receiveTransport } from './receive.js';
import { finishSendBatch, sendKeepalive, sendTunPacket } from './send.js';
import { runExpiredTimer } from './timer-expiry.js';
import { messageType } from './wire.js';

export type { DeviceConfig, DeviceEvent, DeviceIo, Endpoint, PeerConfig, PeerStats } from './device-types.js';

export interface DeviceDeps {
  clock: Clock;
  random: Random;
  onEvent?: (event: DeviceEvent) => void;
}

/** Exact sizes of the fixed-size messages, by type (index 0 unused). */
const HANDSHAKE_MESSAGE_SIZES = [-1, MESSAGE_INITIATION_SIZE, MESSAGE_RESPONSE_SIZE, MESSAGE_COOKIE_REPLY_SIZE];

/*
 * Lifecycle:  constructed (down) ──up()──► up ──down()──► down (keys zeroed) ──up()──► …
 * While down, packets and datagrams are dropped and no timer runs. Every entry point ends with one io.flush().
 */
export class Device {
  private readonly ctx: DeviceContext;

  constructor(config: DeviceConfig, io: DeviceIo, deps: DeviceDeps) {
    if (config.privateKey.length !== KEY_BYTES) throw new RangeError('private key must be 32 bytes');
    const privateKey = Uint8Array.from(config.privateKey);
    const local = { privateKey, publicKey: publicKeyOf(privateKey) };
    this.ctx = {
      local, clock: deps.clock, random: deps.random, io, mtuBytes: config.mtuBytes,
      allocate: io.allocate ? io.allocate.bind(io) : (bytes) => Buffer.allocUnsafe(bytes),
      indexTable: new IndexTable<IndexEntry>(), allowedIps: new AllowedIps<Peer>(), peers: new Map(),
      cookieChecker: new CookieChecker(local.publicKey, deps.clock, deps.random), load: new LoadMonitor(),
      isUp: false, sendBatch: [], receiveBatch: [], emit: deps.onEvent ?? null,
    };
    for (const peerConfig of config.peers) this.addPeer(peerConfig);
  }

  get publicKey(): Uint8Array {
    return Uint8Array.from(this.ctx.local.publicKey);
  }

  /** Starts timers; peers with a persistent keepalive handshake right away. */
  up(): void {
    if (this.ctx.isUp) return;
    this.ctx.isUp = true;
    for (const peer of this.ctx.peers.values()) {
      peer.timers.start();
      peer.lastSentHandshakeMs = -Infinity;
      if (peer.timers.persistentKeepaliveMs > 0) sendKeepalive(this.ctx, peer);
    }
    this.endBatch();
  }

  /** Zeroes every key, drops staged packets and stops all timers. */
  down(): void {
    if (!this.ctx.isUp) return;
    for (const peer of this.ctx.peers.values()) {
      peer.zeroAndFlushAll(this.ctx.indexTable);
      peer.timers.stop();
    }
    this.ctx.isUp = false;
  }

  /** Starts a handshake with every peer now, subject to the 5 s initiation rate limit (e.g. on user request). */
  initiateHandshake(): void {
    if (!this.ctx.isUp) return;
    for (const peer of this.ctx.peers.values()) sendHandshakeInitiation(this.ctx, peer, false);
    this.endBatch();
  }

  /**
   * After the local network changed (new source address or route): a keepalive to every peer, so the peer roams to
   * our new address at once (wireguard-go's SendKeepalivesToPeersWithCurrentKeypair); a peer without a usable
   * session gets a handshake instead. Not rate-limited like initiations: a keepalive is one 32-byte message.
   */
  sendKeepalives(): void {
    if (!this.ctx.isUp) return;
    for (const peer of this.ctx.peers.values()) sendKeepalive(this.ctx, peer);
    this.endBatch();
  }

  /** Outgoing inner packets from the TUN. Views may be reused after return: what must wait is copied. */
  handleTunPackets(packets: Uint8Array[]): void {
    if (!this.ctx.isUp) return;
    const nowMs = this.ctx.clock.nowMs();
    for (const packet of packets) sendTunPacket(this.ctx, packet, nowMs);
    this.endBatch();
  }

  /** Incoming datagrams with their sources, in arrival order. Same ownership rule as handleTunPackets. */
  handleDatagrams(datagrams: Uint8Array[], from: Endpoint[]): void {
    if (!this.ctx.isUp) return;
    const nowMs = this.ctx.clock.nowMs();
    for (let i = 0; i < datagrams.length; i++) {
      const datagram = datagrams[i];
      const source = from[i];
      if (datagram && source) this.dispatch(datagram, i, source, nowMs);
    }
    finishReceiveBatch(this.ctx, from);
    this.endBatch();
  }

  /** Runs every timer that is due; call at nextDeadlineMs() (or periodically). */
  tick(): void {
    if (!this.ctx.isUp) return;
    const nowMs = this.ctx.clock.nowMs();
    for (const peer of this.ctx.peers.values()) {
      for (let name = peer.timers.takeExpired(nowMs); name !== null; name = peer.timers.takeExpired(nowMs)) {
        runExpiredTimer(this.ctx, peer, name);
      }
    }
    this.endBatch();
  }

  /** Monotonic ms of the earliest pending timer; Infinity when none (or down). */
  nextDeadlineMs(): number {
    if (!this.ctx.isUp) return Infinity;
    let next = Infinity;
    for (const peer of this.ctx.peers.values()) next = Math.min(next, peer.timers.nextDeadlineMs());
    return next;
  }

  stats(): PeerStats[] {
    return [...this.ctx.peers.values()].map((peer) => peer.stats());
  }

  private addPeer(config: PeerConfig): void {
    if (config.publicKey.length !== KEY_BYTES) throw new RangeError('peer public key must be 32 bytes');
    if (config.presharedKey && config.presharedKey.length !== KEY_BYTES) throw new RangeError('preshared key must be 32 bytes');
    const secrets = createPeerSecrets(this.ctx.local, config.publicKey, config.presharedKey);
    const peer = new Peer(Uint8Array.from(config.publicKey), secrets, config.endpoint,
      config.persistentKeepaliveSeconds ?? 0, this.ctx.clock, this.ctx.random);
    if (this.ctx.peers.has(peer.name)) throw new RangeError(`duplicate peer ${peer.name}`);
    this.ctx.peers.set(peer.name, peer);
    for (const prefix of config.allowedIps) this.ctx.allowedIps.insert(prefix.address, prefix.prefixLength, peer);
  }

  /** Message dispatch by the first 4 bytes as a u32 (reserved bytes must be zero), with exact sizes for types 1–3. */
  private dispatch(datagram: Uint8Array, position: number, from: Endpoint, nowMs: number): void {
    const type = messageType(datagram);
    if (type === MESSAGE_TRANSPORT_TYPE) {
      if (datagram.length >= MESSAGE_TRANSPORT_SIZE_MIN) receiveTransport(this.ctx, datagram, position, from, nowMs);
      else reportDrop(this.ctx, null, 'transport message too short');
    } else if (type >= 1 && type <= 3 && datagram.length === HANDSHAKE_MESSAGE_SIZES[type]) {
      receiveHandshakeMessage(this.ctx, type, datagram, from);
    } else {
      reportDrop(this.ctx, null, 'unknown message type or wrong size');
    }
  }

  private endBatch(): void {
    finishSendBatch(this.ctx);
    this.ctx.io.flush();
  }
}
