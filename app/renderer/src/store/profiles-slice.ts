// Profiles as ferryd lists them, the one chosen for Connect, and the create/import/update/remove actions (results as values).
import type { StateCreator } from 'zustand/vanilla';
import type { FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { ProfileBody } from '../../../../shared/src/protocol/methods.js';
import type { PublicProfile } from '../../../../shared/src/profile/profile-schema.js';
import type { Status } from '../../../../shared/src/protocol/state.js';
import type { FerryApi } from '../../../common/ferry-api.js';
import type { MethodResult } from '../../../common/app-methods.js';
import type { AppState } from './app-state.js';

export interface ProfilesSlice {
  profiles: PublicProfile[];
  profilesLoaded: boolean;
  /** The profile Home's Connect uses; null follows ferryd (active profile, then auto-connect profile, then the first). */
  chosenProfile: string | null;
  /** Profiles changed while their tunnel was up: the running tunnel still uses the old settings until a reconnect. */
  appliesOnReconnect: string[];
  setProfiles(profiles: PublicProfile[]): void;
  chooseProfile(name: string): void;
  loadProfiles(): Promise<void>;
  importProfile(text: string, name?: string): Promise<FerryResult<MethodResult<'profile.import'>>>;
  createProfile(name: string): Promise<FerryResult<MethodResult<'profile.create'>>>;
  updateProfile(name: string, input: ProfileBody): Promise<FerryResult<MethodResult<'profile.update'>>>;
  renameProfile(name: string, newName: string): Promise<FerryResult<MethodResult<'profile.rename'>>>;
  removeProfile(name: string): Promise<FerryResult<MethodResult<'profile.remove'>>>;
  /** wg-quick text without the private key or PSKs (the app never asks for them). */
  exportProfile(name: string): Promise<FerryResult<MethodResult<'profile.export'>>>;
  /** A new tunnel (or none) reads the profile afresh: forget what it made stale. */
  noteTunnelRestart(status: Status): void;
}

/** True while `name` drives a tunnel, i.e. a change to it is not applied until the next connect. */
export function isInUse(status: Status | null, name: string): boolean {
  return status !== null && status.profile === name && status.state !== 'disconnected' && status.state !== 'error';
}

/** The profile Connect would use right now. */
export function connectTarget(state: AppState): string | null {
  const names = state.profiles.map((profile) => profile.name);
  const candidates = [state.status?.profile, state.chosenProfile, state.settings?.autoConnectProfile, names[0]];
  return candidates.find((name): name is string => typeof name === 'string' && names.includes(name)) ?? null;
}

export function createProfilesSlice(api: FerryApi): StateCreator<AppState, [], [], ProfilesSlice> {
  // Every change also arrives as a `profiles` event; applying the reply too keeps the UI right if events lag.
  return (set, get) => ({
    profiles: [],
    profilesLoaded: false,
    chosenProfile: null,
    appliesOnReconnect: [],
    setProfiles: (profiles) => set({ profiles, profilesLoaded: true }),
    chooseProfile: (name) => set({ chosenProfile: name }),
    loadProfiles: async () => {
      const result = await api.call('profile.list');
      if (result.ok) get().setProfiles(result.value.profiles);
    },
    importProfile: async (text, name) => {
      const result = await api.call('profile.import', name ? { text, name } : { text });
      if (result.ok) await get().loadProfiles();
      return result;
    },
    createProfile: async (name) => {
      const result = await api.call('profile.create', { name });
      if (result.ok) await get().loadProfiles();
      return result;
    },
    updateProfile: async (name, input) => {
      const result = await api.call('profile.update', { name, input });
      if (result.ok && isInUse(get().status, name) && !get().appliesOnReconnect.includes(name)) {
        set((state) => ({ appliesOnReconnect: [...state.appliesOnReconnect, name] }));
      }
      if (result.ok) await get().loadProfiles();
      return result;
    },
    renameProfile: async (name, newName) => {
      const result = await api.call('profile.rename', { name, newName });
      if (result.ok) await get().loadProfiles();
      return result;
    },
    exportProfile: (name) => api.call('profile.export', { name, includePrivateKey: false }),
    noteTunnelRestart: (status) => {
      if (status.state !== 'disconnected' && status.state !== 'connecting') return;
      const kept = status.state === 'disconnected' ? [] : get().appliesOnReconnect.filter((name) => name !== status.profile);
      if (kept.length !== get().appliesOnReconnect.length) set({ appliesOnReconnect: kept });
    },
    removeProfile: async (name) => {
      const result = await api.call('profile.remove', { name });
      if (result.ok) await get().loadProfiles();
      return result;
    },
  });
}
