// Create a profile from a name: ferryd generates the key pair; the editor then shows the public key to give the server.
import { useState } from 'react';
import { profileNameSchema } from '../../../../../shared/src/profile/profile-schema.js';
import { TextField } from '../../components/TextField.js';
import { useApp } from '../../store/use-app.js';

export function CreatePanel({ onDone }: { onDone(name: string | null): void }) {
  const createProfile = useApp((state) => state.createProfile);
  const announce = useApp((state) => state.announce);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const checked = profileNameSchema.safeParse(name);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Invalid name');
    const result = await createProfile(checked.data);
    if (!result.ok) return setError(result.error.message);
    announce(`Created ${checked.data}`);
    onDone(checked.data);
  };

  return (
    <form className="card panel" aria-labelledby="create-title" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h2 id="create-title">New profile</h2>
      <p className="muted">Ferry makes a new key pair for it. Give the public key to your server's administrator, then fill in the server's details.</p>
      <TextField label="Name" value={name} onChange={(value) => { setName(value); setError(null); }} error={error ?? undefined} />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => onDone(null)}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={name.trim() === ''}>Create</button>
      </div>
    </form>
  );
}
