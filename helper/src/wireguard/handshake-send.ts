// Sending handshake initiations, responses and cookie replies (wireguard-go send.go SendHandshake*, whitepaper §5.4).
import type { DeviceContext } from './device-context.js';
import type { Endpoint } from './device-types.js';
import { REKEY_TIMEOUT_MS } from './constants.js';
import { addressBytes } from './endpoint.js';
import { Keypair } from './keypair.js';
import { createInitiation, createResponse, type ConsumedInitiation } from './noise.js';
import type { IndexEntry, Peer } from './peer.js';
import { countSent, reportDrop } from './peer-updates.js';
import { readU32LE } from './wire.js';

/**
 * Starts a handshake unless one was sent (initiation or response) less than REKEY_TIMEOUT ago.
 * `isRetry` is true only for the retransmit timer; any other call restarts the attempt count.
 */
export function sendHandshakeInitiation(ctx: DeviceContext, peer: Peer, isRetry: boolean): void {
  if (!isRetry) peer.timers.handshakeAttempts = 0;
  const nowMs = ctx.clock.nowMs();
  if (!ctx.isUp || nowMs - peer.lastSentHandshakeMs < REKEY_TIMEOUT_MS) return;
  if (!peer.secrets.staticStatic) {
    reportDrop(ctx, peer, 'peer public key has low order: cannot handshake');
    return;
  }
  peer.lastSentHandshakeMs = nowMs;
  peer.clearInitiation(ctx.indexTable);
  const entry: IndexEntry = { peer, keypair: null };
  const localIndex = ctx.indexTable.allocate(entry, ctx.random);
  const { message, state } = createInitiation(ctx.local, peer.secrets, localIndex, ctx.clock.wallMs(), ctx.random);
  peer.initiation = state;
  peer.initiationSentAtMs = nowMs;
  peer.cookies.addMacs(message);
  peer.timers.timersAnyAuthenticatedPacketTraversal();
  peer.timers.timersAnyAuthenticatedPacketSent();
  sendHandshakeMessage(ctx, peer, message);
  peer.timers.timersHandshakeInitiated();
  ctx.emit?.({ type: 'handshake-initiated', peer: peer.name, attempt: peer.timers.handshakeAttempts + 1 });
}

/** Answers a consumed initiation; the new keypair waits in `next` until the initiator uses it. */
export function sendHandshakeResponse(ctx: DeviceContext, peer: Peer, consumed: ConsumedInitiation): void {
  const nowMs = ctx.clock.nowMs();
  // A response also counts as "sent a handshake": it holds back our own initiations for REKEY_TIMEOUT.
  peer.lastSentHandshakeMs = nowMs;
  peer.clearInitiation(ctx.indexTable);
  const localIndex = ctx.indexTable.allocate({ peer, keypair: null }, ctx.random);
  const { message, sendKey, receiveKey } = createResponse(ctx.local, peer.secrets, consumed, localIndex, ctx.random);
  consumed.chainingKey.fill(0);
  consumed.hash.fill(0);
  peer.cookies.addMacs(message);
  const keypair = new Keypair({
    sendKey, receiveKey, localIndex, remoteIndex: consumed.remoteIndex, createdAtMs: nowMs, isInitiator: false,
  });
  ctx.indexTable.replace(localIndex, { peer, keypair });
  peer.installAsResponder(keypair, ctx.indexTable);
  peer.timers.timersSessionDerived();
  peer.timers.timersAnyAuthenticatedPacketTraversal();
  peer.timers.timersAnyAuthenticatedPacketSent();
  sendHandshakeMessage(ctx, peer, message);
}

/** Under load: answers a handshake message whose mac2 is missing or stale with a cookie for its source. */
export function sendCookieReply(ctx: DeviceContext, message: Uint8Array, from: Endpoint): void {
  const source = addressBytes(from.address);
  if (source.length === 0) return;
  const senderIndex = readU32LE(message, 4);
  const reply = ctx.cookieChecker.createReply(message, senderIndex, source, from.port);
  ctx.io.sendDatagram(reply, { address: from.address, port: from.port });
}

function sendHandshakeMessage(ctx: DeviceContext, peer: Peer, message: Uint8Array): void {
  if (!peer.endpoint) {
    reportDrop(ctx, peer, 'no endpoint known for peer');
    return;
  }
  ctx.io.sendDatagram(message, peer.endpoint);
  countSent(peer, message.length);
}
