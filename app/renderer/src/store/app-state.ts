// The whole renderer state: one zustand store made of slices, one per concern.
import type { ConnectionSlice } from './connection-slice.js';
import type { LogsSlice } from './logs-slice.js';
import type { ProfilesSlice } from './profiles-slice.js';
import type { SettingsSlice } from './settings-slice.js';
import type { SplitSlice } from './split-slice.js';
import type { StatsSlice } from './stats-slice.js';
import type { StatusSlice } from './status-slice.js';
import type { UiSlice } from './ui-slice.js';

export type AppState = ConnectionSlice & StatusSlice & StatsSlice & ProfilesSlice & SettingsSlice & LogsSlice & SplitSlice & UiSlice;
