// Auto-connect on launch: once, the first time ferryd is reachable, if the setting asks for it and nothing is connected.
import type { DaemonApi } from '../common/ferry-api.js';
import type { DaemonSnapshot } from './daemon-snapshot.js';

export function autoConnectOnce(api: DaemonApi): (snapshot: DaemonSnapshot) => void {
  let decided = false;
  return (snapshot) => {
    if (decided || snapshot.status === null || snapshot.settings === null) return;
    decided = true;
    const { autoConnect, autoConnectProfile } = snapshot.settings;
    const fallback = snapshot.profiles[0]?.name ?? null;
    const name = autoConnectProfile ?? fallback;
    if (autoConnect && name !== null && snapshot.status.state === 'disconnected') void api.call('connect', { name });
  };
}
