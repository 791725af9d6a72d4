// The types at the Device boundary: configuration, the I/O it drives, the events and stats it reports (CONTRACTS.md).

import type { Endpoint } from '../udp/endpoint.js';

export type { Endpoint };

export interface DeviceIo {
  /** An encrypted datagram for `to`. The device will not touch `data` again; the I/O layer may hold it until flush(). */
  sendDatagram(data: Uint8Array, to: Endpoint): void;
  /** A decrypted inner IP packet for the TUN device (same ownership rule). */
  writeTunPacket(packet: Uint8Array): void;
  /** End of a batch: the I/O layer sends what it queued. */
  flush(): void;
  /**
   * Optional: `bytes` of memory for one outgoing datagram or one decrypted packet, which the device fills and hands
   * back through sendDatagram/writeTunPacket before the next flush(); the I/O layer may reuse it after that flush.
   * Without it the device allocates a new buffer per packet.
   */
  allocate?(bytes: number): Uint8Array;
}

export interface PeerConfig {
  publicKey: Uint8Array;
  presharedKey?: Uint8Array;
  endpoint?: Endpoint;
  allowedIps: { address: Uint8Array; prefixLength: number }[];
  persistentKeepaliveSeconds?: number;
}

export interface DeviceConfig {
  privateKey: Uint8Array;
  peers: PeerConfig[];
  mtuBytes: number;
}

export type DeviceEvent =
  | { type: 'handshake-initiated'; peer: string; attempt: number }
  | { type: 'handshake-complete'; peer: string; role: 'initiator' | 'responder' }
  | { type: 'handshake-failed'; peer: string; reason: string }
  | { type: 'endpoint-changed'; peer: string; endpoint: Endpoint }
  | { type: 'keys-zeroed'; peer: string }
  | { type: 'packet-dropped'; peer?: string; reason: string };

/**
 * Byte and packet counters cover every authenticated datagram (handshake messages, data, keepalives)
 * at its on-the-wire size, like wireguard-go's transfer counters.
 */
export interface PeerStats {
  publicKey: string;
  endpoint?: Endpoint;
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
  lastHandshakeWallMs: number | null;
  /** Time from sending the initiation to consuming its response; null until we initiated once. */
  handshakeRttMs: number | null;
}
