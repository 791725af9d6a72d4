// What each per-peer timer does when its deadline passes (wireguard-go timers.go expired* functions).
import { MAX_TIMER_HANDSHAKES, REKEY_ATTEMPT_TIME_MS, KEEPALIVE_TIMEOUT_MS, ZERO_KEY_MATERIAL_AFTER_MS } from './constants.js';
import type { DeviceContext } from './device-context.js';
import { sendHandshakeInitiation } from './handshake-send.js';
import type { Peer } from './peer.js';
import { sendKeepalive } from './send.js';
import type { TimerName } from './timers.js';

export function runExpiredTimer(ctx: DeviceContext, peer: Peer, name: TimerName): void {
  switch (name) {
    case 'retransmitHandshake': return expiredRetransmitHandshake(ctx, peer);
    case 'sendKeepalive': return expiredSendKeepalive(ctx, peer);
    case 'newHandshake':
      // We sent data and heard nothing back for KEEPALIVE + REKEY_TIMEOUT: the session may be dead.
      return sendHandshakeInitiation(ctx, peer, false);
    case 'zeroKeyMaterial':
      peer.zeroAndFlushAll(ctx.indexTable);
      ctx.emit?.({ type: 'keys-zeroed', peer: peer.name });
      return;
    case 'persistentKeepalive':
      if (peer.timers.persistentKeepaliveMs > 0) sendKeepalive(ctx, peer);
      return;
  }
}

function expiredRetransmitHandshake(ctx: DeviceContext, peer: Peer): void {
  const timers = peer.timers;
  if (timers.handshakeAttempts <= MAX_TIMER_HANDSHAKES) {
    timers.handshakeAttempts++;
    sendHandshakeInitiation(ctx, peer, true);
    return;
  }
  // Give up: drop what waited for a session and don't try again until new traffic asks for it.
  timers.clear('sendKeepalive');
  peer.staged = [];
  if (!timers.isPending('zeroKeyMaterial')) timers.arm('zeroKeyMaterial', ZERO_KEY_MATERIAL_AFTER_MS);
  ctx.emit?.({
    type: 'handshake-failed', peer: peer.name,
    reason: `no response after ${MAX_TIMER_HANDSHAKES + 2} attempts (${REKEY_ATTEMPT_TIME_MS / 1000} s)`,
  });
}

function expiredSendKeepalive(ctx: DeviceContext, peer: Peer): void {
  sendKeepalive(ctx, peer);
  if (peer.timers.needAnotherKeepalive) {
    peer.timers.needAnotherKeepalive = false;
    peer.timers.arm('sendKeepalive', KEEPALIVE_TIMEOUT_MS);
  }
}
