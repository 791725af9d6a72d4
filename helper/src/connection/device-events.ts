// What the connection manager does with the WireGuard engine's events: state changes, retries, endpoint updates, logs.
import type { Logger } from '../log/logger.js';
import type { DeviceEvent, Endpoint } from '../wireguard/device.js';
import type { ConnectionStatus } from './connection-status.js';
import { formatEndpoint } from './resolve-endpoint.js';
import type { TunnelHandle } from './tunnel-handle.js';

/** Retries of one handshake before the UI says the connection is being re-established (~10 s of silence). */
export const RECONNECTING_AFTER_ATTEMPTS = 3;

export interface DeviceEventContext {
  status: ConnectionStatus;
  logger: Logger;
  tunnel: TunnelHandle | undefined;
  /** The peer roamed: the firewall must let its new address through. */
  onEndpointChanged(peer: string, endpoint: Endpoint): void;
}

export function handleDeviceEvent(event: DeviceEvent, context: DeviceEventContext): void {
  const { status, logger } = context;
  switch (event.type) {
    case 'handshake-complete':
      logger.info('handshake complete', { role: event.role });
      if (status.current === 'connecting' || status.current === 'reconnecting') status.enter('connected');
      break;
    case 'handshake-initiated':
      logger.debug('handshake initiated', { attempt: event.attempt });
      if (status.current === 'connected' && event.attempt >= RECONNECTING_AFTER_ATTEMPTS) status.enter('reconnecting');
      break;
    case 'handshake-failed':
      // A VPN client does not give up: keep trying, the server may come back (the block stays meanwhile).
      logger.warn('no handshake answer; trying again', { reason: event.reason });
      if (status.current === 'connected') status.enter('reconnecting');
      context.tunnel?.initiateHandshake();
      break;
    case 'endpoint-changed':
      logger.info('peer endpoint changed', { endpoint: formatEndpoint(event.endpoint) });
      context.onEndpointChanged(event.peer, event.endpoint);
      break;
    case 'keys-zeroed':
      logger.debug('session keys erased');
      break;
    case 'packet-dropped':
      logger.debug('packet dropped', { reason: event.reason });
      break;
  }
}
