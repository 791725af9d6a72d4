// The Routes & DNS draft of one profile's server: edit, save through profile.update, and reconnect to apply if it is in use.
import { useEffect, useMemo, useState } from 'react';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { useUnsavedChanges } from '../../components/use-unsaved-changes.js';
import { isInUse } from '../../store/profiles-slice.js';
import { useApp } from '../../store/use-app.js';
import { bodyFromProfile } from '../profiles/profile-body.js';
import { DnsSection } from './DnsSection.js';
import { allowedIpsOf, draftFromProfile, sameDraft, type RoutesDraft } from './route-model.js';
import { CustomRoutesSection, TunnelSection } from './TunnelSection.js';

function ApplyBanner({ profile }: { profile: string }) {
  const stale = useApp((state) => state.appliesOnReconnect.includes(profile) && isInUse(state.status, profile));
  const pending = useApp((state) => state.pendingAction !== null);
  const reconnect = useApp((state) => state.reconnect);
  if (!stale) return null;
  return (
    <div className="banner banner-warn" role="status">
      <span>Saved. The tunnel still uses the previous settings until you reconnect.</span>
      <button type="button" className="button button-small" disabled={pending} onClick={() => void reconnect(profile)}>Reconnect now</button>
    </div>
  );
}

export function RoutesEditor({ profile, peerIndex }: { profile: PublicProfile; peerIndex: number }) {
  const updateProfile = useApp((state) => state.updateProfile);
  const announce = useApp((state) => state.announce);
  const inUse = useApp((state) => isInUse(state.status, profile.name));
  const readOnly = useApp((state) => state.link.status !== 'ready' || state.link.access === 'read');
  // Profiles arrive as new objects on every `profiles` event: start over only when this one's content changed.
  const contentKey = JSON.stringify(profile);
  const original = useMemo(() => draftFromProfile(profile, peerIndex), [contentKey, peerIndex]);
  const [draft, setDraft] = useState<RoutesDraft>(original);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(original), [original]);
  const dirty = !sameDraft(draft, original);
  useUnsavedChanges('routes', dirty);
  const peer = profile.peers[peerIndex];
  const edit = (patch: Partial<RoutesDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const save = async () => {
    const body = bodyFromProfile(profile);
    const target = body.peers[peerIndex];
    if (target) target.allowedIps = allowedIpsOf(draft, peer);
    body.interface.dns = draft.dns;
    body.interface.dnsSearch = draft.dnsSearch;
    setBusy(true);
    const result = await updateProfile(profile.name, body);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    announce(`Saved routes and DNS of ${profile.name}`);
  };

  return (
    <form className="routes-editor" aria-label={`Routes and DNS of ${profile.name}`} noValidate
      onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <ApplyBanner profile={profile.name} />
      <TunnelSection draft={draft} peer={peer} disabled={readOnly} onChange={edit} />
      <CustomRoutesSection draft={draft} disabled={readOnly || !peer} onChange={edit} />
      <DnsSection draft={draft} disabled={readOnly} onChange={edit} />
      {error && <p className="banner banner-danger" role="alert">{error}</p>}
      <div className="form-actions sticky-actions">
        <span className="faint apply-note">{inUse ? 'Saved changes apply when you reconnect.' : 'Saved changes apply the next time you connect.'}</span>
        <button type="button" className="button" disabled={!dirty || busy} onClick={() => { setDraft(original); setError(null); }}>Revert</button>
        <button type="submit" className="button button-primary" disabled={!dirty || busy || readOnly}>Save</button>
      </div>
    </form>
  );
}
