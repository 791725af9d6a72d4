// One profile: its name and actions, the public key to hand out, and the editor as a form or as wg-quick text.
import { useState } from 'react';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Tabs } from '../../components/Tabs.js';
import { useApp } from '../../store/use-app.js';
import { ProfileActions } from './ProfileActions.js';
import { ProfileFormPanel } from './ProfileFormPanel.js';
import { RawTextEditor } from './RawTextEditor.js';

type View = 'form' | 'text';

interface ProfileEditorProps {
  profile: PublicProfile;
  onRenamed(newName: string): void;
  onDeleted(): void;
}

export function ProfileEditor({ profile, onRenamed, onDeleted }: ProfileEditorProps) {
  const readOnly = useApp((state) => state.link.status !== 'ready' || state.link.access === 'read');
  const goTo = useApp((state) => state.goTo);
  const [view, setView] = useState<View>('form');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card panel editor" aria-labelledby="editor-title">
      <div className="card-header">
        <h2 id="editor-title">{profile.name}</h2>
        <ProfileActions name={profile.name} readOnly={readOnly} onError={setError} onRenamed={onRenamed} onDeleted={onDeleted} />
      </div>
      {error && <p className="banner banner-danger" role="alert">{error}</p>}
      <div className="field">
        <span className="label" id="public-key-label">Your public key</span>
        <div className="copy-row">
          <code aria-labelledby="public-key-label">{profile.interface.publicKey}</code>
          <CopyButton text={profile.interface.publicKey} label="Copy public key" what="Public key" />
        </div>
      </div>
      <Tabs<View> label="Edit as" value={view} onChange={setView}
        aside={<button type="button" className="button button-small button-ghost" onClick={() => goTo('routes')}>Routes &amp; DNS →</button>}
        tabs={[
          { value: 'form', label: 'Form', panel: <ProfileFormPanel profile={profile} readOnly={readOnly} /> },
          { value: 'text', label: 'Text', panel: <RawTextEditor profile={profile} readOnly={readOnly} /> },
        ]} />
    </section>
  );
}
