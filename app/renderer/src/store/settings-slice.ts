// ferryd's settings (settings.get, `settings` events) and changing one key at a time; plus launch at login, the one
// setting that belongs to this user's desktop (served by the app process, not ferryd).
import type { StateCreator } from 'zustand/vanilla';
import type { FerryError } from '../../../../shared/src/protocol/errors.js';
import type { SettingKey, Settings } from '../../../../shared/src/protocol/settings.js';
import type { LaunchAtLogin } from '../../../common/desktop-methods.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { AppState } from './app-state.js';

export interface SettingsSlice {
  settings: Settings | null;
  /** The last refused change, with the key it was for. */
  settingsError: { key: SettingKey; error: FerryError } | null;
  setSettings(settings: Settings): void;
  loadSettings(): Promise<void>;
  changeSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void>;
  /** Null until read (it is read afresh whenever Settings opens: the file may change outside the app). */
  launchAtLogin: LaunchAtLogin | null;
  launchAtLoginError: FerryError | null;
  loadLaunchAtLogin(): Promise<void>;
  setLaunchAtLogin(enabled: boolean): Promise<void>;
}

export function createSettingsSlice(api: FerryApi): StateCreator<AppState, [], [], SettingsSlice> {
  return (set, get) => ({
    settings: null,
    settingsError: null,
    setSettings: (settings) => set({ settings }),
    loadSettings: async () => {
      const result = await api.call('settings.get');
      if (result.ok) set({ settings: result.value });
    },
    // Shown at once (arrow keys on a radio group step from what is shown), put back if ferryd refuses the change.
    changeSetting: async (key, value) => {
      const before = get().settings;
      if (before) set({ settings: { ...before, [key]: value } });
      const result = await api.call('settings.set', { key, value });
      if (result.ok) return set({ settings: result.value, settingsError: null });
      const now = get().settings;
      set({ settingsError: { key, error: result.error }, ...(before && now ? { settings: { ...now, [key]: before[key] } } : {}) });
    },
    launchAtLogin: null,
    launchAtLoginError: null,
    loadLaunchAtLogin: async () => {
      const result = await api.call('desktop.getLaunchAtLogin', {});
      set(result.ok ? { launchAtLogin: result.value, launchAtLoginError: null } : { launchAtLoginError: result.error });
    },
    // Shown at once like the other switches; what the app process reports afterwards (or what was there) wins.
    setLaunchAtLogin: async (enabled) => {
      const before = get().launchAtLogin;
      if (before) set({ launchAtLogin: { ...before, enabled } });
      const result = await api.call('desktop.setLaunchAtLogin', { enabled });
      set(result.ok ? { launchAtLogin: result.value, launchAtLoginError: null } : { launchAtLogin: before, launchAtLoginError: result.error });
    },
  });
}
