// The three cards of the Settings page; each control writes one ferryd setting (launch at login, the app's own, aside).
import { useState } from 'react';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { Switch } from '../../components/Switch.js';
import { TextField } from '../../components/TextField.js';
import { useApp } from '../../store/use-app.js';
import { LaunchAtLoginSwitch } from './LaunchAtLoginSwitch.js';
import type { SectionProps } from './SettingsPage.js';

const KILL_SWITCH_OPTIONS = [
  { value: 'auto', label: 'Full tunnel' },
  { value: 'on', label: 'All profiles' },
  { value: 'off', label: 'Off' },
] as const;
const THEME_OPTIONS = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

export function ProtectionSection({ settings, readOnly, set }: SectionProps) {
  return (
    <section className="card" aria-labelledby="protection-title">
      <h2 id="protection-title">Protection</h2>
      <div className="switch-row">
        <div className="switch-text">
          <span>Kill switch</span>
          <span className="muted">While Ferry connects or is connected, traffic outside the tunnel is blocked, so nothing leaks if the connection drops. “Full tunnel” does it for profiles that send all internet traffic through the tunnel, even with private networks excluded.</span>
        </div>
        <SegmentedControl label="Kill switch" options={KILL_SWITCH_OPTIONS} value={settings.killSwitch} disabled={readOnly} onChange={set('killSwitch')} />
      </div>
      <Switch label="Lockdown mode" description="Block all internet traffic whenever Ferry is not connected, even after a restart."
        checked={settings.lockdown} disabled={readOnly} onChange={set('lockdown')} />
      <Switch label="Allow local network" description="Printers, file shares and other devices on your network stay reachable."
        checked={settings.allowLan} disabled={readOnly} onChange={set('allowLan')} />
    </section>
  );
}

export function ConnectionSection({ settings, readOnly, set }: SectionProps) {
  const profiles = useApp((state) => state.profiles);
  return (
    <section className="card" aria-labelledby="connection-settings-title">
      <h2 id="connection-settings-title">Connection</h2>
      <Switch label="Connect automatically" description="Connect when Ferry starts."
        checked={settings.autoConnect} disabled={readOnly} onChange={set('autoConnect')} />
      {settings.autoConnect && (
        <div className="switch-row">
          <label htmlFor="auto-profile">Profile to connect</label>
          <select id="auto-profile" className="select narrow" value={settings.autoConnectProfile ?? ''} disabled={readOnly}
            onChange={(event) => set('autoConnectProfile')(event.target.value || null)}>
            <option value="">First profile</option>
            {profiles.map((profile) => <option key={profile.name} value={profile.name}>{profile.name}</option>)}
          </select>
        </div>
      )}
      <ProbeTarget value={settings.latencyProbeTarget} disabled={readOnly} onSave={set('latencyProbeTarget')} />
    </section>
  );
}

export function AppSection({ settings, readOnly, set }: SectionProps) {
  return (
    <section className="card" aria-labelledby="app-settings-title">
      <h2 id="app-settings-title">App</h2>
      <LaunchAtLoginSwitch />
      <Switch label="Notifications" description="Tell me when the connection goes up, down or fails."
        checked={settings.notifications} disabled={readOnly} onChange={set('notifications')} />
      <div className="switch-row">
        <span>Theme</span>
        <SegmentedControl label="Theme" options={THEME_OPTIONS} value={settings.theme} disabled={readOnly} onChange={set('theme')} />
      </div>
    </section>
  );
}

function ProbeTarget({ value, disabled, onSave }: { value: string | null; disabled: boolean; onSave(value: string | null): void }) {
  const [text, setText] = useState(value ?? '');
  const changed = text.trim() !== (value ?? '');
  return (
    <form className="probe-row" onSubmit={(event) => { event.preventDefault(); onSave(text.trim() || null); }}>
      <TextField label="Latency probe target" mono value={text} onChange={setText} placeholder="automatic"
        hint="Host pinged through the tunnel to measure latency. Empty: the profile's DNS server or the server's tunnel address." />
      <button type="submit" className="button" disabled={disabled || !changed}>Save</button>
    </form>
  );
}
