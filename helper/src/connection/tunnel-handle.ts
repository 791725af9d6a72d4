// What the connection manager needs of a running tunnel, so tests can hand it a fake one.
import type { PeerStats } from '../wireguard/device.js';
import type { TunnelDeps, TunnelOptions } from './tunnel.js';

export interface TunnelHandle {
  readonly interfaceName: string;
  start(): void;
  initiateHandshake(): void;
  /** After a network change: a keepalive to every peer, so they roam to our new address (a handshake where no session exists). */
  sendKeepalives(): void;
  stats(): PeerStats[];
  close(): void;
}

export type OpenTunnel = (options: TunnelOptions, deps: TunnelDeps) => TunnelHandle;
