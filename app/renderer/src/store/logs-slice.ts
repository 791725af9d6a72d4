// ferryd's log for the Logs page: the recent entries (logs.get) plus live `log` events, capped, with a level filter.
import type { StateCreator } from 'zustand/vanilla';
import { MAX_LOG_ENTRIES } from '../../../../shared/src/protocol/methods.js';
import { logLevelRank, type LogEntry, type LogLevel } from '../../../../shared/src/protocol/log.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { AppState } from './app-state.js';

export interface LogsSlice {
  entries: LogEntry[];
  logLevelFilter: LogLevel;
  addLogEntry(entry: LogEntry): void;
  loadLogs(): Promise<void>;
  setLogLevelFilter(level: LogLevel): void;
}

export function visibleEntries(entries: readonly LogEntry[], level: LogLevel): LogEntry[] {
  const threshold = logLevelRank(level);
  return entries.filter((entry) => logLevelRank(entry.level) >= threshold);
}

export function createLogsSlice(api: FerryApi): StateCreator<AppState, [], [], LogsSlice> {
  return (set) => ({
    entries: [],
    logLevelFilter: 'info',
    addLogEntry: (entry) => set((state) => {
      const entries = [...state.entries, entry];
      return { entries: entries.length > MAX_LOG_ENTRIES ? entries.slice(entries.length - MAX_LOG_ENTRIES) : entries };
    }),
    loadLogs: async () => {
      const result = await api.call('logs.get', { limit: 500 });
      if (result.ok) set({ entries: result.value.entries });
    },
    setLogLevelFilter: (logLevelFilter) => set({ logLevelFilter }),
  });
}
