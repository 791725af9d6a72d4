// Bookkeeping shared by the receive and handshake paths: roaming, handshake completion, drop reports.
import type { DeviceContext } from './device-context.js';
import type { Endpoint } from './device-types.js';
import { sameEndpoint } from './endpoint.js';
import type { Peer } from './peer.js';

/** Roaming: the source of an authenticated packet becomes the peer's endpoint (never a cookie reply's). */
export function updateEndpoint(ctx: DeviceContext, peer: Peer, from: Endpoint | undefined): void {
  if (!from || sameEndpoint(peer.endpoint, from)) return;
  // Copy: the I/O layer may reuse its endpoint objects after the batch.
  peer.endpoint = { address: from.address, port: from.port };
  ctx.emit?.({ type: 'endpoint-changed', peer: peer.name, endpoint: { ...peer.endpoint } });
}

/** Records a completed handshake: timers, last-handshake time and the event. */
export function completeHandshake(ctx: DeviceContext, peer: Peer, role: 'initiator' | 'responder'): void {
  peer.timers.timersHandshakeComplete();
  peer.lastHandshakeWallMs = ctx.clock.wallMs();
  ctx.emit?.({ type: 'handshake-complete', peer: peer.name, role });
}

export function reportDrop(ctx: DeviceContext, peer: Peer | null, reason: string): void {
  if (!ctx.emit) return;
  ctx.emit(peer ? { type: 'packet-dropped', peer: peer.name, reason } : { type: 'packet-dropped', reason });
}

/** Counts one authenticated datagram we sent. */
export function countSent(peer: Peer, bytes: number): void {
  peer.txBytes += bytes;
  peer.txPackets++;
}

/** Counts one authenticated datagram we received. */
export function countReceived(peer: Peer, bytes: number): void {
  peer.rxBytes += bytes;
  peer.rxPackets++;
}
