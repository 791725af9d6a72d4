// Outgoing transport data: routing, staging, padding and sealing, keepalives, keep-key-fresh (wireguard-go send.go, whitepaper §5.4.6).
import {
  AEAD_TAG_SIZE, MESSAGE_TRANSPORT_HEADER_SIZE, MESSAGE_TRANSPORT_TYPE, REJECT_AFTER_MESSAGES,
  REJECT_AFTER_TIME_MS, REKEY_AFTER_MESSAGES, REKEY_AFTER_TIME_MS,
} from './constants.js';
import { sealTransport } from './crypto.js';
import type { DeviceContext } from './device-context.js';
import type { Endpoint } from './device-types.js';
import { sendHandshakeInitiation } from './handshake-send.js';
import { addressBytesOf, destinationOffset, paddedLength } from './ip-packet.js';
import type { Keypair } from './keypair.js';
import type { Peer } from './peer.js';
import { countSent, reportDrop } from './peer-updates.js';
import { writeU32LE } from './wire.js';

const KEEPALIVE = new Uint8Array(0);
const TWO_POW_32 = 2 ** 32;

/** Routes one inner packet from the TUN by destination and sends or stages it. */
export function sendTunPacket(ctx: DeviceContext, packet: Uint8Array, nowMs: number): void {
  const family = addressBytesOf(packet, 0, packet.length);
  if (family === 0) {
    reportDrop(ctx, null, 'outgoing packet is not IPv4/IPv6');
    return;
  }
  const peer = ctx.allowedIps.lookupAt(packet, destinationOffset(family), family);
  if (!peer) {
    reportDrop(ctx, null, 'no peer for destination');
    return;
  }
  const keypair = peer.current;
  const endpoint = peer.endpoint;
  if (peer.staged.length === 0 && keypair && endpoint && canSendWith(keypair, nowMs)) {
    sealAndSend(ctx, peer, keypair, endpoint, packet);
  } else {
    peer.stage(packet);
    sendStagedPackets(ctx, peer);
  }
}

/** Sends what is staged on the current keypair, or starts a handshake when there is no usable one. */
export function sendStagedPackets(ctx: DeviceContext, peer: Peer): void {
  if (peer.staged.length === 0 || !ctx.isUp) return;
  const nowMs = ctx.clock.nowMs();
  const keypair = peer.current;
  const endpoint = peer.endpoint;
  if (!keypair || !endpoint || !canSendWith(keypair, nowMs)) {
    sendHandshakeInitiation(ctx, peer, false);
    return;
  }
  const staged = peer.staged;
  peer.staged = [];
  for (const packet of staged) sealAndSend(ctx, peer, keypair, endpoint, packet);
}

/** Sends a keepalive, unless staged packets are waiting: those confirm the session just as well. */
export function sendKeepalive(ctx: DeviceContext, peer: Peer): void {
  if (peer.staged.length === 0) peer.stage(KEEPALIVE);
  sendStagedPackets(ctx, peer);
}

/** Runs the per-batch send hooks once per peer, then rekeys if the current keypair is getting old. */
export function finishSendBatch(ctx: DeviceContext): void {
  for (const peer of ctx.sendBatch) {
    peer.inTxBatch = false;
    peer.timers.timersAnyAuthenticatedPacketTraversal();
    peer.timers.timersAnyAuthenticatedPacketSent();
    if (peer.txBatchHadData) peer.timers.timersDataSent();
    peer.txBatchHadData = false;
    keepKeyFreshSending(ctx, peer);
  }
  ctx.sendBatch.length = 0;
}

function keepKeyFreshSending(ctx: DeviceContext, peer: Peer): void {
  const keypair = peer.current;
  if (!keypair) return;
  const tooOld = keypair.isInitiator && ctx.clock.nowMs() - keypair.createdAtMs > REKEY_AFTER_TIME_MS;
  if (keypair.sendCounter > REKEY_AFTER_MESSAGES || tooOld) sendHandshakeInitiation(ctx, peer, false);
}

function canSendWith(keypair: Keypair, nowMs: number): boolean {
  return keypair.sendCounter < REJECT_AFTER_MESSAGES && nowMs - keypair.createdAtMs < REJECT_AFTER_TIME_MS;
}

/** Header, zero padding to 16 (never past the MTU), then ChaCha20-Poly1305 into memory from the I/O layer. */
function sealAndSend(ctx: DeviceContext, peer: Peer, keypair: Keypair, endpoint: Endpoint, packet: Uint8Array): void {
  const length = packet.length;
  const padded = paddedLength(length, ctx.mtuBytes);
  const out = ctx.allocate(MESSAGE_TRANSPORT_HEADER_SIZE + padded + AEAD_TAG_SIZE);
  const counter = keypair.sendCounter++;
  writeTransportHeader(out, keypair.remoteIndex, counter);
  if (padded === length) {
    sealTransport(keypair.sendKey, counter, packet, out, MESSAGE_TRANSPORT_HEADER_SIZE);
  } else {
    // Pad in the output buffer and seal in place (crypto.ts allows exact aliasing).
    out.set(packet, MESSAGE_TRANSPORT_HEADER_SIZE);
    out.fill(0, MESSAGE_TRANSPORT_HEADER_SIZE + length, MESSAGE_TRANSPORT_HEADER_SIZE + padded);
    const plaintext = out.subarray(MESSAGE_TRANSPORT_HEADER_SIZE, MESSAGE_TRANSPORT_HEADER_SIZE + padded);
    sealTransport(keypair.sendKey, counter, plaintext, out, MESSAGE_TRANSPORT_HEADER_SIZE);
  }
  ctx.io.sendDatagram(out, endpoint);
  countSent(peer, out.length);
  if (!peer.inTxBatch) {
    peer.inTxBatch = true;
    ctx.sendBatch.push(peer);
  }
  if (length > 0) peer.txBatchHadData = true;
}

function writeTransportHeader(out: Uint8Array, receiverIndex: number, counter: number): void {
  const low = counter % TWO_POW_32;
  writeU32LE(out, 0, MESSAGE_TRANSPORT_TYPE);
  writeU32LE(out, 4, receiverIndex);
  writeU32LE(out, 8, low);
  writeU32LE(out, 12, (counter - low) / TWO_POW_32);
}
