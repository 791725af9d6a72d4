// The state the Device's send, receive and handshake modules share (the Go code's *Device receiver, made explicit).
import type { Clock } from '../time/clock.js';
import type { AllowedIps } from './allowed-ips.js';
import type { CookieChecker } from './cookie.js';
import type { DeviceEvent, DeviceIo } from './device-types.js';
import type { IndexTable } from './index-table.js';
import type { LoadMonitor } from './load-monitor.js';
import type { LocalIdentity } from './noise.js';
import type { IndexEntry, Peer } from './peer.js';
import type { Random } from './random.js';

export interface DeviceContext {
  readonly local: LocalIdentity;
  readonly clock: Clock;
  readonly random: Random;
  readonly io: DeviceIo;
  /** io.allocate, or a fresh buffer per call when the I/O layer offers none. */
  readonly allocate: (bytes: number) => Uint8Array;
  readonly mtuBytes: number;
  readonly indexTable: IndexTable<IndexEntry>;
  readonly allowedIps: AllowedIps<Peer>;
  /** Peers by base64 public key. */
  readonly peers: Map<string, Peer>;
  readonly cookieChecker: CookieChecker;
  readonly load: LoadMonitor;
  isUp: boolean;
  /** Peers that sent transport packets since the last finishSendBatch (reused, no per-batch allocation). */
  readonly sendBatch: Peer[];
  /** Peers that received authenticated transport packets in the current datagram batch. */
  readonly receiveBatch: Peer[];
  /** Null when nobody listens, so hot paths can skip building event objects. */
  readonly emit: ((event: DeviceEvent) => void) | null;
}
