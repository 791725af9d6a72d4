// Per-app split tunnelling as ferryd reports it (split.list, `split` events), the installed apps and their icons, and the
// actions of the Split tunnelling page (mode, rules, one-off launch), results as values.
import type { StateCreator } from 'zustand/vanilla';
import type { FerryError, FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { DesktopApp, SplitList, SplitMode, SplitRule } from '../../../../shared/src/protocol/split.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { AppState } from './app-state.js';

/** An icon as a `data:` URL, or null when it could not be read (a generic icon is shown). */
export type IconUrl = string | null;

export interface SplitSlice {
  split: SplitList | null;
  /** Why split.list failed (e.g. a ferryd without split tunnelling); cleared by the next list. */
  splitLoadError: FerryError | null;
  /** The last refused mode change or rule removal, for the page's banner. */
  splitError: FerryError | null;
  splitApps: DesktopApp[] | null;
  splitAppsError: FerryError | null;
  /** By icon path; absent: not asked for yet. */
  splitIcons: Record<string, IconUrl>;
  setSplit(list: SplitList): void;
  loadSplit(): Promise<void>;
  setSplitMode(mode: SplitMode): Promise<void>;
  addSplitRule(path: string, name?: string): Promise<FerryResult<{ rule: SplitRule }>>;
  removeSplitRule(id: string): Promise<FerryResult<{ ok: true }>>;
  loadSplitApps(): Promise<void>;
  loadSplitIcon(path: string): Promise<void>;
  /** Starts a program as this user inside the split cgroup (the app process's desktop.launchSplit). */
  launchSplit(path: string, args: string[]): Promise<FerryResult<{ pid: number }>>;
  setSplitError(error: FerryError | null): void;
}

export function createSplitSlice(api: FerryApi): StateCreator<AppState, [], [], SplitSlice> {
  // A list reply that left ferryd before a `split` event arrived must not overwrite that newer event.
  let eventsSeen = 0;
  const iconsAsked = new Set<string>();
  return (set, get) => ({
    split: null,
    splitLoadError: null,
    splitError: null,
    splitApps: null,
    splitAppsError: null,
    splitIcons: {},
    setSplit: (split) => {
      eventsSeen++;
      set({ split, splitLoadError: null });
    },
    loadSplit: async () => {
      const seen = eventsSeen;
      const result = await api.call('split.list');
      if (!result.ok) return set({ splitLoadError: result.error });
      if (seen === eventsSeen) set({ split: result.value, splitLoadError: null });
    },
    // Shown at once (arrow keys step from what is shown); ferryd's status afterwards, or the old mode with the error.
    setSplitMode: async (mode) => {
      const before = get().split;
      if (before) set({ split: { ...before, mode } });
      const result = await api.call('split.setMode', { mode });
      const now = get().split;
      if (result.ok) return set({ splitError: null, ...(now ? { split: { ...now, ...result.value } } : {}) });
      set({ splitError: result.error, ...(before && now ? { split: { ...now, mode: before.mode } } : {}) });
    },
    // The `split` event follows too; listing at once keeps the page right if it lags.
    addSplitRule: async (path, name) => {
      const result = await api.call('split.addRule', name === undefined ? { path } : { path, name });
      if (result.ok) await get().loadSplit();
      return result;
    },
    removeSplitRule: async (id) => {
      const result = await api.call('split.removeRule', { id });
      set({ splitError: result.ok ? null : result.error });
      if (result.ok) await get().loadSplit();
      return result;
    },
    // dataDirs is left to the app process, which knows the user's XDG_DATA_DIRS.
    loadSplitApps: async () => {
      const result = await api.call('split.apps', {});
      set(result.ok ? { splitApps: result.value.apps, splitAppsError: null } : { splitAppsError: result.error });
    },
    loadSplitIcon: async (path) => {
      if (iconsAsked.has(path)) return;
      iconsAsked.add(path);
      const result = await api.call('split.icon', { path });
      const url = result.ok ? `data:${result.value.mimeType};base64,${result.value.dataBase64}` : null;
      set((state) => ({ splitIcons: { ...state.splitIcons, [path]: url } }));
    },
    launchSplit: (path, args) => api.call('desktop.launchSplit', args.length > 0 ? { path, args } : { path }),
    setSplitError: (splitError) => set({ splitError }),
  });
}
