// Settings: protection (kill switch, lockdown, LAN), connection (auto-connect, latency probe), the app (launch at login, notifications, appearance).
import type { SettingKey, Settings } from '../../../../../shared/src/protocol/settings.js';
import { useApp } from '../../store/use-app.js';
import { AppSection, ConnectionSection, ProtectionSection } from './SettingsSections.js';

/** What each section needs: the settings, whether they may be changed, and a setter per key. */
export interface SectionProps {
  settings: Settings;
  readOnly: boolean;
  set<K extends SettingKey>(key: K): (value: Settings[K]) => void;
}

export function SettingsPage() {
  const settings = useApp((state) => state.settings);
  const settingsError = useApp((state) => state.settingsError);
  const change = useApp((state) => state.changeSetting);
  const readOnly = useApp((state) => state.link.status !== 'ready' || state.link.access === 'read');
  if (settings === null) return <div className="page-inner"><h1>Settings</h1><p className="muted">Loading…</p></div>;
  const props: SectionProps = { settings, readOnly, set: (key) => (value) => void change(key, value) };
  return (
    <div className="page-inner settings">
      <header className="page-header"><h1>Settings</h1></header>
      {settingsError && <p className="banner banner-danger" role="alert">{settingsError.error.message}</p>}
      <ProtectionSection {...props} />
      <ConnectionSection {...props} />
      <AppSection {...props} />
    </div>
  );
}
