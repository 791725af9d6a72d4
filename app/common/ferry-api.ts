// The one interface the UI talks to ferryd through; Electron (preload) and the browser host (WebSocket) implement it.
import type { FerryResult } from '../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';
import type { AppMethodName, AppParamsArgs, MethodResult } from './app-methods.js';
import type { BridgeConnection } from './bridge-connection.js';

export type Unsubscribe = () => void;

export interface FerryApi {
  /** Calls a ferryd method; daemon errors and an unreachable daemon come back as `{ ok: false, error }`. */
  call<M extends AppMethodName>(method: M, ...params: AppParamsArgs<M>): Promise<FerryResult<MethodResult<M>>>;
  /** Every event ferryd pushes (state, stats, log, profiles, settings). */
  onEvent(listener: (event: FerryEvent) => void): Unsubscribe;
  /** The link to ferryd; the listener is called at once with the current state, then on every change. */
  onConnection(listener: (connection: BridgeConnection) => void): Unsubscribe;
}
