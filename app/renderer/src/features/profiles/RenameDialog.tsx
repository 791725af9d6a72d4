// Renaming a profile in a modal (native <dialog>: focus trapped, Escape cancels); the name is checked before ferryd sees it.
import { useEffect, useRef, useState } from 'react';
import { profileNameSchema } from '../../../../../shared/src/profile/profile-schema.js';
import { TextField } from '../../components/TextField.js';
import { useApp } from '../../store/use-app.js';

export function RenameDialog({ name, open, onClose }: { name: string; open: boolean; onClose(newName: string | null): void }) {
  const renameProfile = useApp((state) => state.renameProfile);
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setText(name);
      setError(null);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open, name]);

  const submit = async () => {
    const checked = profileNameSchema.safeParse(text);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Invalid name');
    if (checked.data === name) return onClose(null);
    const result = await renameProfile(name, checked.data);
    if (!result.ok) return setError(result.error.code === 'PROFILE_IN_USE' ? 'This profile is connected: disconnect before renaming it.' : result.error.message);
    onClose(checked.data);
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="rename-title" onCancel={(event) => { event.preventDefault(); onClose(null); }}>
      <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
        <h2 id="rename-title">Rename {name}</h2>
        <TextField label="New name" value={text} onChange={(value) => { setText(value); setError(null); }} error={error ?? undefined} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose(null)}>Cancel</button>
          <button type="submit" className="button button-primary" disabled={text.trim() === ''}>Rename</button>
        </div>
      </form>
    </dialog>
  );
}
