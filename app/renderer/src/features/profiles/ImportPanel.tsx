// Import a WireGuard (wg-quick) configuration: paste it, pick a file, or drop one; ferryd parses and stores it.
import { useRef, useState, type DragEvent } from 'react';
import { TextField } from '../../components/TextField.js';
import { useApp } from '../../store/use-app.js';

/** "office.conf" → "office": the name wg-quick would give the interface. */
function nameFromFile(fileName: string): string {
  return fileName.replace(/\.conf$/i, '').replace(/[^\p{L}\p{Nd} _\-.+=@()]/gu, '-').slice(0, 64);
}

export function ImportPanel({ onDone }: { onDone(name: string | null): void }) {
  const importProfile = useApp((state) => state.importProfile);
  const announce = useApp((state) => state.announce);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    if (name === '') setName(nameFromFile(file.name));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void loadFile(event.dataTransfer.files[0]);
  };
  const submit = async () => {
    setBusy(true);
    const result = await importProfile(text, name.trim() || undefined);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const ignored = result.value.ignored.length;
    announce(`Imported ${result.value.profile.name}${ignored ? ` (${ignored} setting${ignored === 1 ? '' : 's'} kept but not used)` : ''}`);
    onDone(result.value.profile.name);
  };

  return (
    <form className="card panel" aria-labelledby="import-title" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}
      onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <div className="card-header">
        <h2 id="import-title">Import a configuration</h2>
        <button type="button" className="button button-small" onClick={() => fileInput.current?.click()}>Choose file…</button>
        <input ref={fileInput} type="file" accept=".conf,text/plain" hidden aria-label="Configuration file"
          onChange={(event) => void loadFile(event.target.files?.[0])} />
      </div>
      <TextField label="Configuration" multiline mono value={text} onChange={(value) => { setText(value); setError(null); }}
        placeholder={'[Interface]\nPrivateKey = …\nAddress = 10.0.0.2/32\n\n[Peer]\nPublicKey = …\nEndpoint = vpn.example.com:51820\nAllowedIPs = 0.0.0.0/0, ::/0'}
        hint="Paste the text of a .conf file, choose a file, or drop one here." error={error ?? undefined} />
      <TextField label="Name (optional)" value={name} onChange={setName} hint="Leave empty to name it automatically." />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => onDone(null)}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>Import</button>
      </div>
    </form>
  );
}
