// Incoming transport data: index lookup, decrypt, replay window, key confirmation, length trim, AllowedIPs source check (wireguard-go receive.go).
import {
  AEAD_TAG_SIZE, MESSAGE_TRANSPORT_HEADER_SIZE, REJECT_AFTER_TIME_MS, REKEY_ON_RECEIVE_AFTER_TIME_MS,
} from './constants.js';
import { openTransport } from './crypto.js';
import type { DeviceContext } from './device-context.js';
import type { Endpoint } from './device-types.js';
import { sendHandshakeInitiation } from './handshake-send.js';
import { addressBytesOf, claimedLength, sourceOffset } from './ip-packet.js';
import type { Peer } from './peer.js';
import { completeHandshake, countReceived, reportDrop, updateEndpoint } from './peer-updates.js';
import { sendStagedPackets } from './send.js';
import { readU32LE } from './wire.js';

const TWO_POW_32 = 2 ** 32;

/**
 * Handles one transport datagram (type and minimum size already checked). `position` is its index in
 * the batch, so the batch's last valid packet can set the endpoint once in finishReceiveBatch.
 */
export function receiveTransport(ctx: DeviceContext, datagram: Uint8Array, position: number,
  from: Endpoint, nowMs: number): void {
  const entry = ctx.indexTable.get(readU32LE(datagram, 4));
  const keypair = entry?.keypair;
  if (!entry || !keypair) return reportDrop(ctx, null, 'unknown receiver index');
  if (nowMs - keypair.createdAtMs >= REJECT_AFTER_TIME_MS) return reportDrop(ctx, entry.peer, 'keypair expired');
  const counter = readU32LE(datagram, 8) + readU32LE(datagram, 12) * TWO_POW_32;
  const out = ctx.allocate(datagram.length - MESSAGE_TRANSPORT_HEADER_SIZE - AEAD_TAG_SIZE);
  const ciphertext = datagram.subarray(MESSAGE_TRANSPORT_HEADER_SIZE);
  const plaintextBytes = openTransport(keypair.receiveKey, counter, ciphertext, out, 0);
  const peer = entry.peer;
  if (plaintextBytes < 0) return reportDrop(ctx, peer, 'transport packet failed authentication');
  if (!keypair.replay.accept(counter)) return reportDrop(ctx, peer, 'replayed or too old counter');

  if (peer.receivedWith(keypair, ctx.indexTable)) {
    // Key confirmation for the responder: the initiator is now using the keypair we installed as next.
    updateEndpoint(ctx, peer, from);
    completeHandshake(ctx, peer, 'responder');
    sendStagedPackets(ctx, peer);
  }
  countReceived(peer, datagram.length);
  if (!peer.inRxBatch) {
    peer.inRxBatch = true;
    ctx.receiveBatch.push(peer);
  }
  peer.rxBatchLastValid = position;
  if (plaintextBytes === 0) return; // keepalive
  peer.rxBatchHadData = true;
  deliverInnerPacket(ctx, peer, out, plaintextBytes);
}

/** Trims the padding using the IP header and accepts the packet only if its source routes back to `peer`. */
function deliverInnerPacket(ctx: DeviceContext, peer: Peer, plaintext: Uint8Array, plaintextBytes: number): void {
  const family = addressBytesOf(plaintext, 0, plaintextBytes);
  if (family === 0) return reportDrop(ctx, peer, 'inner packet is not IPv4/IPv6');
  const length = claimedLength(plaintext, 0, plaintextBytes, family);
  if (length < 0) return reportDrop(ctx, peer, 'inner packet length is inconsistent');
  if (ctx.allowedIps.lookupAt(plaintext, sourceOffset(family), family) !== peer) {
    return reportDrop(ctx, peer, 'inner source address not in the peer\'s AllowedIPs');
  }
  ctx.io.writeTunPacket(length === plaintext.length ? plaintext : plaintext.subarray(0, length));
}

/** Runs the per-batch receive hooks once per peer: roaming, timers, last-minute rekey. */
export function finishReceiveBatch(ctx: DeviceContext, from: Endpoint[]): void {
  for (const peer of ctx.receiveBatch) {
    updateEndpoint(ctx, peer, from[peer.rxBatchLastValid]);
    keepKeyFreshReceiving(ctx, peer);
    peer.timers.timersAnyAuthenticatedPacketTraversal();
    peer.timers.timersAnyAuthenticatedPacketReceived();
    if (peer.rxBatchHadData) peer.timers.timersDataReceived();
    peer.inRxBatch = false;
    peer.rxBatchHadData = false;
    peer.rxBatchLastValid = -1;
  }
  ctx.receiveBatch.length = 0;
}

/** The initiator rekeys once, passively, when its keypair nears REJECT_AFTER_TIME and traffic still arrives. */
function keepKeyFreshReceiving(ctx: DeviceContext, peer: Peer): void {
  if (peer.timers.sentLastMinuteHandshake) return;
  const keypair = peer.current;
  if (keypair && keypair.isInitiator && ctx.clock.nowMs() - keypair.createdAtMs > REKEY_ON_RECEIVE_AFTER_TIME_MS) {
    peer.timers.sentLastMinuteHandshake = true;
    sendHandshakeInitiation(ctx, peer, false);
  }
}
