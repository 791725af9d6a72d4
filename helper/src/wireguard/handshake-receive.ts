// Incoming handshake messages: mac1, load-dependent cookies, initiations, responses, cookie replies (wireguard-go receive.go RoutineHandshake, noise-protocol.go).
import { HANDSHAKE_FLOOD_MIN_INTERVAL_MS, MESSAGE_COOKIE_REPLY_TYPE, MESSAGE_INITIATION_TYPE } from './constants.js';
import type { DeviceContext } from './device-context.js';
import type { Endpoint } from './device-types.js';
import { addressBytes } from './endpoint.js';
import { sendCookieReply, sendHandshakeResponse } from './handshake-send.js';
import { Keypair } from './keypair.js';
import { consumeInitiation, consumeResponse } from './noise.js';
import type { Peer } from './peer.js';
import { completeHandshake, countReceived, reportDrop, updateEndpoint } from './peer-updates.js';
import { sendKeepalive } from './send.js';
import { tai64nAfter } from './tai64n.js';
import { readU32LE } from './wire.js';

/** Handles a type 1, 2 or 3 message whose exact size was already checked. */
export function receiveHandshakeMessage(ctx: DeviceContext, type: number, message: Uint8Array, from: Endpoint): void {
  if (type === MESSAGE_COOKIE_REPLY_TYPE) return receiveCookieReply(ctx, message);
  const nowMs = ctx.clock.nowMs();
  ctx.load.noteHandshake(nowMs);
  if (!ctx.cookieChecker.checkMac1(message)) return reportDrop(ctx, null, 'handshake message with invalid mac1');
  if (ctx.load.isUnderLoad(nowMs) && !ctx.cookieChecker.checkMac2(message, addressBytes(from.address), from.port)) {
    // Under load we only spend DH work on senders that proved they receive at their source address.
    sendCookieReply(ctx, message, from);
    return;
  }
  if (type === MESSAGE_INITIATION_TYPE) receiveInitiation(ctx, message, from, nowMs);
  else receiveResponse(ctx, message, from, nowMs);
}

function receiveInitiation(ctx: DeviceContext, message: Uint8Array, from: Endpoint, nowMs: number): void {
  const lookup = (remoteStatic: Uint8Array): Peer | undefined => ctx.peers.get(Buffer.from(remoteStatic).toString('base64'));
  const consumed = consumeInitiation(ctx.local, message, (remoteStatic) => lookup(remoteStatic)?.secrets);
  const peer = consumed ? lookup(consumed.remoteStatic) : undefined;
  if (!consumed || !peer) return reportDrop(ctx, null, 'invalid handshake initiation or unknown peer');
  if (!tai64nAfter(consumed.timestamp, peer.lastTimestamp)) return reportDrop(ctx, peer, 'handshake initiation replay');
  if (nowMs - peer.lastInitiationConsumedMs <= HANDSHAKE_FLOOD_MIN_INTERVAL_MS) {
    return reportDrop(ctx, peer, 'handshake initiation flood');
  }
  peer.lastTimestamp = consumed.timestamp;
  peer.lastInitiationConsumedMs = nowMs;
  peer.timers.timersAnyAuthenticatedPacketTraversal();
  peer.timers.timersAnyAuthenticatedPacketReceived();
  updateEndpoint(ctx, peer, from);
  countReceived(peer, message.length);
  sendHandshakeResponse(ctx, peer, consumed);
}

function receiveResponse(ctx: DeviceContext, message: Uint8Array, from: Endpoint, nowMs: number): void {
  const localIndex = readU32LE(message, 8);
  const entry = ctx.indexTable.get(localIndex);
  const peer = entry?.peer;
  const initiation = peer?.initiation;
  if (!entry || entry.keypair || !peer || !initiation || initiation.localIndex !== localIndex) {
    return reportDrop(ctx, null, 'handshake response for no pending initiation');
  }
  const result = consumeResponse(ctx.local, peer.secrets, initiation, message);
  if (!result) return reportDrop(ctx, peer, 'invalid handshake response');
  updateEndpoint(ctx, peer, from);
  countReceived(peer, message.length);
  peer.timers.timersAnyAuthenticatedPacketTraversal();
  peer.timers.timersAnyAuthenticatedPacketReceived();

  const keypair = new Keypair({
    sendKey: result.sendKey, receiveKey: result.receiveKey, localIndex, remoteIndex: result.remoteIndex,
    createdAtMs: nowMs, isInitiator: true,
  });
  // The initiation's index now names the keypair: the peer writes it as receiver in its data packets.
  ctx.indexTable.replace(localIndex, { peer, keypair });
  wipeInitiation(peer);
  peer.installAsInitiator(keypair, ctx.indexTable);
  peer.timers.timersSessionDerived();
  peer.handshakeRttMs = nowMs - peer.initiationSentAtMs;
  completeHandshake(ctx, peer, 'initiator');
  // Key confirmation for the responder: staged packets if any, else a keepalive.
  sendKeepalive(ctx, peer);
}

function wipeInitiation(peer: Peer): void {
  const initiation = peer.initiation;
  if (!initiation) return;
  initiation.chainingKey.fill(0);
  initiation.hash.fill(0);
  initiation.ephemeralPrivate.fill(0);
  peer.initiation = null;
}

/** A cookie reply is not authenticated by the peer's key: it updates the cookie only, never endpoint or timers. */
function receiveCookieReply(ctx: DeviceContext, message: Uint8Array): void {
  const entry = ctx.indexTable.get(readU32LE(message, 4));
  if (!entry) return reportDrop(ctx, null, 'cookie reply for unknown index');
  if (!entry.peer.cookies.consumeReply(message)) reportDrop(ctx, entry.peer, 'cookie reply failed to decrypt');
}
