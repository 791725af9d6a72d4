// FerryService: what the IPC handlers need from the daemon's connection manager (implemented in helper/src/daemon).
import type { EventEmitter } from 'node:events';
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Settings } from '../../../shared/src/protocol/settings.js';
import type { Status } from '../../../shared/src/protocol/state.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';

export interface ConnectOptions {
  /** Resolve when connected (or failed/timed out) rather than once the attempt has started. */
  wait: boolean;
  /** With `wait`: give up after this long (HANDSHAKE_TIMEOUT); the attempt itself may keep retrying. */
  timeoutMs: number;
  /** Bring the tunnel up afresh even if this profile is already up (an edited profile takes effect) without lifting the block. */
  restart?: boolean;
}

/** Events the service emits; the IPC server forwards them to subscribed clients. */
export interface FerryServiceEvents {
  /** Every status change (state, endpoint, addresses, error). */
  state: [status: Status];
  /** About twice a second while a tunnel exists. */
  stats: [sample: StatsSample];
}

export interface FerryService {
  readonly events: EventEmitter<FerryServiceEvents>;
  /** The current status; cheap, called on every `status` request. */
  status(): Status;
  /**
   * Starts (or, with `wait`, completes) a connection to the stored profile `name`, read from the ProfileStore. The
   * handler has checked that the profile exists; expected failures (ALREADY_CONNECTED, PROFILE_INVALID,
   * CONNECT_FAILED, HANDSHAKE_TIMEOUT, PERMISSION_DENIED, SYSTEM_ERROR) are returned, not thrown.
   */
  connect(name: string, options: ConnectOptions): Promise<FerryResult<Status>>;
  /** Tears the tunnel down and reverts system changes; NOT_CONNECTED when there is nothing to do. */
  disconnect(): Promise<FerryResult<Status>>;
  /** The latest stats sample (zeros and nulls when disconnected). */
  statsNow(): StatsSample;
  /** Samples from the last `seconds`, oldest first; may be empty. */
  statsHistory(seconds: number): StatsSample[];
  /** Called after a setting was stored (kill switch, lockdown, log level… take effect here). */
  onSettingsChanged(settings: Settings, previous: Settings): void;
}
