// The only bridge between the sandboxed page and Electron main: window.ferry, generated from the shared method table.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { APP_METHOD_NAMES } from '../common/app-methods.js';
import { DESKTOP_METHOD_NAMES } from '../common/desktop-methods.js';
import type { BridgeConnection } from '../common/bridge-connection.js';
import { IPC_CHANNELS, type FerryPreloadApi } from '../common/electron-ipc.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';

/** Subscribes to one push channel; the page gets the payload only, never the IPC event or its sender. */
function listen<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const methods = Object.fromEntries(
  [...APP_METHOD_NAMES, ...DESKTOP_METHOD_NAMES].map((name) => [name, (params?: unknown) => ipcRenderer.invoke(IPC_CHANNELS.call, name, params)]),
) as unknown as FerryPreloadApi['methods'];

const api: FerryPreloadApi = {
  methods,
  connection: () => ipcRenderer.invoke(IPC_CHANNELS.connection) as Promise<BridgeConnection>,
  onEvent: (listener) => listen<FerryEvent>(IPC_CHANNELS.event, listener),
  onConnectionChanged: (listener) => listen<BridgeConnection>(IPC_CHANNELS.connectionChanged, listener),
};

contextBridge.exposeInMainWorld('ferry', api);
