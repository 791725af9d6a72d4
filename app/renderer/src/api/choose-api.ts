// Picks the FerryApi for where the page runs: Electron's preload if present, else the browser host's WebSocket.
import type { FerryApi } from '../../../common/ferry-api.js';
import { createElectronApi } from './electron-api.js';
import { takeHostToken } from './host-token.js';
import { createWebSocketApi } from './websocket-api.js';

export type ApiChoice = { ok: true; api: FerryApi; runtime: 'electron' | 'browser' } | { ok: false; message: string };

export function chooseApi(): ApiChoice {
  if (window.ferry) return { ok: true, api: createElectronApi(window.ferry), runtime: 'electron' };
  const token = takeHostToken();
  if (token === null) {
    return { ok: false, message: 'This address has no access token. Open the full address that `npm run host` printed (it ends in #token=…).' };
  }
  return { ok: true, api: createWebSocketApi(window.location.origin, token), runtime: 'browser' };
}
