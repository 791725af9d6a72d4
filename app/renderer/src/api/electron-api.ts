// FerryApi over Electron's preload (window.ferry): the page never sees IPC channels, only the generated methods.
import type { UiMethodName } from '../../../common/app-methods.js';
import type { FerryPreloadApi } from '../../../common/electron-ipc.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { BridgeConnection } from '../../../common/bridge-connection.js';

declare global {
  interface Window {
    /** Present only inside Electron (the preload defines it). */
    ferry?: FerryPreloadApi;
  }
}

export function createElectronApi(preload: FerryPreloadApi): FerryApi {
  return {
    call: ((method: UiMethodName, params?: unknown) =>
      (preload.methods[method] as (params?: unknown) => Promise<unknown>)(params)) as FerryApi['call'],
    onEvent: (listener) => preload.onEvent(listener),
    onConnection: (listener) => {
      let latest: BridgeConnection | null = null;
      const stop = preload.onConnectionChanged((connection) => {
        latest = connection;
        listener(connection);
      });
      // The push may already have beaten the initial fetch: never overwrite a newer state with an older one.
      void preload.connection().then((connection) => {
        if (latest === null) listener(connection);
      });
      return stop;
    },
  };
}
