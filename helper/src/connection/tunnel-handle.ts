// What the connection manager needs of a running tunnel, so tests can hand it a fake one.
import type { PeerStats } from '../wireguard/device.js';
import type { TunnelDeps, TunnelOptions } from './tunnel.js';

export interface TunnelHandle {
  readonly interfaceName: string;
  start(): void;
  initiateHandshake(): void;
  /** After a network change: a keepalive to every peer, so they roam to our new address (a handshake where no session exists). */
  sendKeepalives(): void;
  /** Sends a packet ferryd made itself (a latency probe) into the tunnel. */
  injectPacket(packet: Uint8Array): void;
  /** Inbound packets for which `filter` returns true never reach the TUN device. */
  setInboundFilter(filter: ((packet: Uint8Array) => boolean) | null): void;
  stats(): PeerStats[];
  close(): void;
}

export type OpenTunnel = (options: TunnelOptions, deps: TunnelDeps) => TunnelHandle;
