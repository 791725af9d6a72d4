// The tunnel's status from ferryd (status call, `state` events) and the Connect/Disconnect actions.
import type { StateCreator } from 'zustand/vanilla';
import type { FerryError, FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { Status } from '../../../../shared/src/protocol/state.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { AppState } from './app-state.js';

export interface StatusSlice {
  status: Status | null;
  /** A Connect/Disconnect click still waiting for ferryd's reply. */
  pendingAction: 'connect' | 'disconnect' | null;
  /** Why the last Connect/Disconnect was refused (the tunnel's own errors are in status.error). */
  actionError: FerryError | null;
  setStatus(status: Status): void;
  loadStatus(): Promise<void>;
  connect(profile: string): Promise<void>;
  disconnect(): Promise<void>;
  /** Brings `profile` up afresh (so an edited profile takes effect) without passing through disconnected: the kill switch's block stays. */
  reconnect(profile: string): Promise<void>;
}

/**
 * A `state` event can overtake the reply to the connect that caused it (the handshake may finish before ferryd
 * answers): a status never replaces one that entered its state later. Equal times are updates of the same state.
 */
export function isCurrent(next: Status, current: Status | null): boolean {
  return current === null || Date.parse(next.since) >= Date.parse(current.since);
}

export function createStatusSlice(api: FerryApi): StateCreator<AppState, [], [], StatusSlice> {
  return (set, get) => {
    const apply = (status: Status): void => {
      set({ status });
      get().noteTunnelRestart(status);
    };
    const settle = (result: FerryResult<Status>): void => {
      if (!result.ok) return set({ pendingAction: null, actionError: result.error });
      set({ pendingAction: null });
      if (isCurrent(result.value, get().status)) apply(result.value);
    };
    return {
      status: null,
      pendingAction: null,
      actionError: null,
      setStatus: (status) => {
        if (isCurrent(status, get().status)) apply(status);
      },
      // After (re)connecting to ferryd its answer is the truth, even if it is older (a restarted daemon).
      loadStatus: async () => {
        const result = await api.call('status');
        if (result.ok) apply(result.value);
      },
      connect: async (profile) => {
        set({ pendingAction: 'connect', actionError: null });
        settle(await api.call('connect', { name: profile }));
      },
      disconnect: async () => {
        set({ pendingAction: 'disconnect', actionError: null });
        settle(await api.call('disconnect'));
      },
      // A plain connect to the profile already up changes nothing; disconnect + connect would lift the block in between.
      reconnect: async (profile) => {
        set({ pendingAction: 'connect', actionError: null });
        settle(await api.call('connect', { name: profile, restart: true }));
      },
    };
  };
}
