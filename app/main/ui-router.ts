// Routes the UI's calls (from Electron IPC or the browser host's WebSocket): desktop methods to this process, the rest to ferryd.
import type { FerryResult } from '../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';
import type { BridgeConnection } from '../common/bridge-connection.js';
import { callDesktopMethod, isDesktopMethodName, type DesktopHandlers } from '../common/desktop-methods.js';
import type { Unsubscribe } from '../common/ferry-api.js';
import type { FerrydBridge } from './ferryd-bridge.js';
import { withUserDataDirs } from './split-data-dirs.js';

export class UiRouter {
  constructor(
    private readonly bridge: FerrydBridge,
    private readonly desktop: DesktopHandlers,
    /** This process's environment: the user's XDG data directories for split.apps. */
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Untyped callers: unknown names are refused by the bridge (only the shared table's UI methods reach ferryd). */
  callByName(method: unknown, params: unknown): Promise<FerryResult<unknown>> {
    if (isDesktopMethodName(method)) return callDesktopMethod(this.desktop, method, params);
    return this.bridge.callByName(method, withUserDataDirs(method, params, this.env));
  }

  connection(): BridgeConnection {
    return this.bridge.connection();
  }

  onEvent(listener: (event: FerryEvent) => void): Unsubscribe {
    return this.bridge.onEvent(listener);
  }

  onConnection(listener: (connection: BridgeConnection) => void): Unsubscribe {
    return this.bridge.onConnection(listener);
  }
}
