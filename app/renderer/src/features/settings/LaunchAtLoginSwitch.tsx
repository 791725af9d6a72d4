// The "Start at login" switch: this user's preference, kept by the app process (autostart entry or login items), not by ferryd.
import { useEffect } from 'react';
import { Switch } from '../../components/Switch.js';
import { useApp } from '../../store/use-app.js';

const DESCRIPTION = 'Start Ferry in the tray when you log in to this computer.';

export function LaunchAtLoginSwitch() {
  const state = useApp((app) => app.launchAtLogin);
  const error = useApp((app) => app.launchAtLoginError);
  const load = useApp((app) => app.loadLaunchAtLogin);
  const change = useApp((app) => app.setLaunchAtLogin);
  useEffect(() => void load(), [load]);
  const unavailable = state?.unavailable ?? null;
  return (
    <>
      {/* Not tied to ferryd's write access: it changes nothing but this user's own login session. */}
      <Switch label="Launch at login" description={unavailable ?? DESCRIPTION}
        checked={state?.enabled ?? false} disabled={state === null || unavailable !== null} onChange={(enabled) => void change(enabled)} />
      {error && <p className="banner banner-danger" role="alert">Launch at login: {error.message}</p>}
    </>
  );
}
