// The profile editor's form view: fields with inline validation; nothing reaches ferryd until every field is valid.
import { useEffect, useState } from 'react';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { useUnsavedChanges } from '../../components/use-unsaved-changes.js';
import { useApp } from '../../store/use-app.js';
import { InterfaceFields } from './InterfaceFields.js';
import { PeerFields } from './PeerFields.js';
import { checkProfileForm, emptyPeerForm, formFromProfile, type FieldErrors, type ProfileForm } from './profile-form.js';

export function ProfileFormPanel({ profile, readOnly }: { profile: PublicProfile; readOnly: boolean }) {
  const updateProfile = useApp((state) => state.updateProfile);
  const announce = useApp((state) => state.announce);
  const [form, setForm] = useState<ProfileForm>(() => formFromProfile(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges('profile-form', dirty);
  // Profiles arrive as new objects on every `profiles` event: reset only when this one's content changed.
  const contentKey = JSON.stringify(profile);
  useEffect(() => {
    setForm(formFromProfile(profile));
    setErrors({});
    setServerError(null);
    setDirty(false);
  }, [contentKey]);

  const check = checkProfileForm(form, profile);
  const edit = (next: ProfileForm) => {
    setForm(next);
    setDirty(true);
    // Errors already shown follow the edits live; new ones wait for Save, so typing is not interrupted.
    if (Object.keys(errors).length > 0) setErrors(checkProfileForm(next, profile).errors);
  };
  const save = async () => {
    setErrors(check.errors);
    if (check.body === null) return;
    const result = await updateProfile(profile.name, check.body);
    if (!result.ok) return setServerError(result.error.message);
    setServerError(null);
    setDirty(false);
    announce(`Saved ${profile.name}`);
  };

  return (
    <form className="panel" aria-label={`${profile.name} settings`} noValidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <InterfaceFields form={form} errors={errors} onChange={edit} />
      {form.peers.map((peer, index) => (
        <PeerFields key={index} index={index} peer={peer} errors={errors}
          onChange={(next) => edit({ ...form, peers: form.peers.map((old, i) => (i === index ? next : old)) })}
          onRemove={() => edit({ ...form, peers: form.peers.filter((_, i) => i !== index) })} />
      ))}
      <button type="button" className="button button-small add-peer" onClick={() => edit({ ...form, peers: [...form.peers, emptyPeerForm()] })}>Add server</button>
      {check.missing.length > 0 && <p className="banner banner-info">Before you can connect: {check.missing.join('; ')}.</p>}
      {serverError && <p className="banner banner-danger" role="alert">{serverError}</p>}
      <div className="form-actions">
        <button type="button" className="button" disabled={!dirty} onClick={() => { setForm(formFromProfile(profile)); setErrors({}); setDirty(false); }}>Revert</button>
        <button type="submit" className="button button-primary" disabled={!dirty || readOnly}>Save</button>
      </div>
    </form>
  );
}
