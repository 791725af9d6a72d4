// The app's link to ferryd as the bridge reports it, and whether it was ever ready (first start vs. lost service).
import type { StateCreator } from 'zustand/vanilla';
import { CONNECTING, type BridgeConnection } from '../../../common/bridge-connection.js';
import type { AppState } from './app-state.js';

export interface ConnectionSlice {
  link: BridgeConnection;
  /** True once ferryd has answered in this session: a later loss shows "reconnecting", not a start-up screen. */
  everReady: boolean;
  setLink(link: BridgeConnection): void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  link: CONNECTING,
  everReady: false,
  setLink: (link) => set((state) => ({ link, everReady: state.everReady || link.status === 'ready' })),
});
