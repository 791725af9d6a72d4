// Profiles: the list beside the selected profile's editor, or the import / create panel.
import { useState } from 'react';
import { Icon } from '../../components/Icon.js';
import { useApp } from '../../store/use-app.js';
import { CreatePanel } from './CreatePanel.js';
import { ImportPanel } from './ImportPanel.js';
import { ProfileEditor } from './ProfileEditor.js';
import { ProfileList } from './ProfileList.js';

type Mode = 'edit' | 'import' | 'create';

export function ProfilesPage() {
  const profiles = useApp((state) => state.profiles);
  const selected = useApp((state) => state.selectedProfile);
  const select = useApp((state) => state.selectProfile);
  const readOnly = useApp((state) => state.link.status !== 'ready' || state.link.access === 'read');
  const leave = useApp((state) => state.leaveForms);
  const [mode, setMode] = useState<Mode>('edit');
  const profile = profiles.find((candidate) => candidate.name === selected) ?? profiles[0] ?? null;
  const finish = (name: string | null) => {
    if (name !== null) select(name);
    setMode('edit');
  };

  return (
    <div className="page-inner">
      <header className="page-header">
        <h1>Profiles</h1>
        <div className="header-actions">
          <button type="button" className="button" disabled={readOnly} onClick={() => leave(() => setMode('import'))}>Import…</button>
          <button type="button" className="button button-primary" disabled={readOnly} onClick={() => leave(() => setMode('create'))}>
            <Icon name="plus" size={16} /> New profile
          </button>
        </div>
      </header>
      <div className="profiles-layout">
        <ProfileList shown={mode === 'edit' ? profile?.name ?? null : null} onSelect={(name) => {
          // The profile already open is no navigation: its edits stay.
          if (mode !== 'edit' || name !== profile?.name) leave(() => { select(name); setMode('edit'); });
        }} />
        <div className="profiles-detail">
          {mode === 'import' && <ImportPanel onDone={finish} />}
          {mode === 'create' && <CreatePanel onDone={finish} />}
          {mode === 'edit' && profile && <ProfileEditor key={profile.name} profile={profile} onRenamed={select} onDeleted={() => select(null)} />}
          {mode === 'edit' && !profile && (
            <div className="card empty-state">
              <h2>Add your first profile</h2>
              <p className="muted">Import the configuration file your VPN provider or administrator gave you, or create a profile and send them its public key.</p>
              <div className="form-actions">
                <button type="button" className="button" disabled={readOnly} onClick={() => setMode('import')}>Import…</button>
                <button type="button" className="button button-primary" disabled={readOnly} onClick={() => setMode('create')}>New profile</button>
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
