// What Electron main itself keeps of ferryd's state (status, profile names, settings) for the tray, notifications and auto-connect.
import type { PublicProfile } from '../../shared/src/profile/profile-schema.js';
import type { Settings } from '../../shared/src/protocol/settings.js';
import type { Status } from '../../shared/src/protocol/state.js';
import type { DaemonApi } from '../common/ferry-api.js';

export interface DaemonSnapshot {
  status: Status | null;
  profiles: PublicProfile[];
  settings: Settings | null;
}

/** Follows events and reloads everything whenever the link to ferryd becomes ready; `onChange` gets the previous and next snapshot. */
export function followDaemon(api: DaemonApi, onChange: (next: DaemonSnapshot, previous: DaemonSnapshot) => void): DaemonSnapshot {
  let snapshot: DaemonSnapshot = { status: null, profiles: [], settings: null };
  const update = (patch: Partial<DaemonSnapshot>): void => {
    const previous = snapshot;
    snapshot = { ...snapshot, ...patch };
    onChange(snapshot, previous);
  };
  api.onEvent((event) => {
    if (event.event === 'state') update({ status: event.data });
    else if (event.event === 'profiles') update({ profiles: event.data.profiles });
    else if (event.event === 'settings') update({ settings: event.data });
  });
  api.onConnection(async (connection) => {
    if (connection.status !== 'ready') return update({ status: null });
    const [status, profiles, settings] = await Promise.all([api.call('status'), api.call('profile.list'), api.call('settings.get')]);
    update({
      status: status.ok ? status.value : null,
      profiles: profiles.ok ? profiles.value.profiles : [],
      settings: settings.ok ? settings.value : null,
    });
  });
  return snapshot;
}
