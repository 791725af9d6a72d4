// Builds the store from its slices around one FerryApi and keeps it in step with ferryd (events, reload on every reconnect).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { AppState } from './app-state.js';
import { createConnectionSlice } from './connection-slice.js';
import { createLogsSlice } from './logs-slice.js';
import { createProfilesSlice } from './profiles-slice.js';
import { createSettingsSlice } from './settings-slice.js';
import { createSplitSlice } from './split-slice.js';
import { createStatsSlice } from './stats-slice.js';
import { createStatusSlice } from './status-slice.js';
import { createUiSlice } from './ui-slice.js';

export type AppStore = StoreApi<AppState>;

export function createAppStore(api: FerryApi): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createStatusSlice(api)(...args),
    ...createStatsSlice(api)(...args),
    ...createProfilesSlice(api)(...args),
    ...createSettingsSlice(api)(...args),
    ...createLogsSlice(api)(...args),
    ...createSplitSlice(api)(...args),
    ...createUiSlice(...args),
  }));
}

/** Routes ferryd's events into the store and reloads everything whenever the link becomes ready. Returns a stop function. */
export function syncWithFerryd(store: AppStore, api: FerryApi): () => void {
  const stopEvents = api.onEvent((event) => {
    const state = store.getState();
    if (event.event === 'state') state.setStatus(event.data);
    else if (event.event === 'stats') state.addSample(event.data);
    else if (event.event === 'log') state.addLogEntry(event.data);
    else if (event.event === 'profiles') state.setProfiles(event.data.profiles);
    else if (event.event === 'settings') state.setSettings(event.data);
    else if (event.event === 'split') state.setSplit(event.data);
  });
  const stopConnection = api.onConnection((link) => {
    store.getState().setLink(link);
    if (link.status !== 'ready') return;
    const state = store.getState();
    void Promise.all([state.loadStatus(), state.loadProfiles(), state.loadSettings(), state.loadHistory(), state.loadLogs(), state.loadSplit()]);
  });
  return () => {
    stopEvents();
    stopConnection();
  };
}
