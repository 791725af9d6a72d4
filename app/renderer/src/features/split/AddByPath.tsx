// Adds a program to the list by its path; ferryd checks it (absolute, exists, executable) and its refusal is shown under the field.
import { useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField.js';
import { useApp } from '../../store/use-app.js';
import { fileName } from './split-view.js';

export function AddByPath({ disabled }: { disabled: boolean }) {
  const add = useApp((state) => state.addSplitRule);
  const announce = useApp((state) => state.announce);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const requested = path.trim();
    if (requested === '') return;
    setBusy(true);
    const result = await add(requested);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPath('');
    setError(undefined);
    announce(`Added ${fileName(requested)}`);
  };
  return (
    <form className="add-path" onSubmit={(event) => void submit(event)}>
      <TextField label="Add a program by path" mono value={path} placeholder="/usr/bin/firefox" error={error}
        hint="Its absolute path; a link is followed to the program it points to."
        onChange={(value) => { setPath(value); setError(undefined); }} />
      <button type="submit" className="button" disabled={disabled || busy || path.trim() === ''}>Add</button>
    </form>
  );
}
