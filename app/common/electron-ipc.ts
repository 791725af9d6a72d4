// The Electron IPC contract between main and preload: channel names and the shape window.ferry takes (renderer never sees channels).
import type { FerryResult } from '../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';
import type { UiMethodName, UiParams, UiResult } from './app-methods.js';
import type { BridgeConnection } from './bridge-connection.js';
import type { Unsubscribe } from './ferry-api.js';

export const IPC_CHANNELS = {
  /** invoke(method, params) → FerryResult */
  call: 'ferry:call',
  /** invoke() → BridgeConnection */
  connection: 'ferry:connection',
  /** main → window: BridgeConnection */
  connectionChanged: 'ferry:connection-changed',
  /** main → window: FerryEvent */
  event: 'ferry:event',
} as const;

/** What the preload exposes as `window.ferry`: one function per app method, generated from the shared table. */
export interface FerryPreloadApi {
  readonly methods: { readonly [M in UiMethodName]: (params?: UiParams<M>) => Promise<FerryResult<UiResult<M>>> };
  connection(): Promise<BridgeConnection>;
  onEvent(listener: (event: FerryEvent) => void): Unsubscribe;
  onConnectionChanged(listener: (connection: BridgeConnection) => void): Unsubscribe;
}
