// The interfaces the app talks through: DaemonApi is the link to ferryd (FerrydBridge); FerryApi is what the UI gets (ferryd + desktop methods).
import type { FerryResult } from '../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';
import type { AppMethodName, AppParamsArgs, MethodResult, UiMethodName, UiParamsArgs, UiResult } from './app-methods.js';
import type { BridgeConnection } from './bridge-connection.js';

export type Unsubscribe = () => void;

interface Subscriptions {
  /** Every event ferryd pushes (state, stats, log, profiles, settings, split). */
  onEvent(listener: (event: FerryEvent) => void): Unsubscribe;
  /** The link to ferryd; the listener is called at once with the current state, then on every change. */
  onConnection(listener: (connection: BridgeConnection) => void): Unsubscribe;
}

/** ferryd only: what Electron main's tray, auto-connect and notifications use. */
export interface DaemonApi extends Subscriptions {
  /** Calls a ferryd method; daemon errors and an unreachable daemon come back as `{ ok: false, error }`. */
  call<M extends AppMethodName>(method: M, ...params: AppParamsArgs<M>): Promise<FerryResult<MethodResult<M>>>;
}

/** The UI's API (Electron preload and the browser host implement it): ferryd's methods plus the app process's desktop methods. */
export interface FerryApi extends Subscriptions {
  call<M extends UiMethodName>(method: M, ...params: UiParamsArgs<M>): Promise<FerryResult<UiResult<M>>>;
}
