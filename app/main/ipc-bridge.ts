// Connects the preload's window.ferry to the bridge: one invoke channel for calls (checked against the method table), pushes for the rest.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail } from '../../shared/src/protocol/errors.js';
import { IPC_CHANNELS } from '../common/electron-ipc.js';
import { APP_ORIGIN } from './app-paths.js';
import type { UiRouter } from './ui-router.js';

/** Only our own page, loaded from app://ferry, may use the bridge: never a frame or a page it navigated to. */
function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`) && event.senderFrame === event.sender.mainFrame;
}

export function serveIpc(bridge: UiRouter, windows: () => WebContents[]): void {
  ipcMain.handle(IPC_CHANNELS.call, (event, method: unknown, params: unknown) => {
    if (!fromOurPage(event)) return fail('FORBIDDEN', 'this page may not talk to ferryd');
    return bridge.callByName(method, params);
  });
  ipcMain.handle(IPC_CHANNELS.connection, (event) => (fromOurPage(event) ? bridge.connection() : null));
  const broadcast = (channel: string, payload: unknown): void => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(channel, payload);
  };
  bridge.onEvent((event) => broadcast(IPC_CHANNELS.event, event));
  bridge.onConnection((connection) => broadcast(IPC_CHANNELS.connectionChanged, connection));
}
