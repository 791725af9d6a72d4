// The profile editor's header actions: rename, export (a .conf without the private key), delete with confirmation.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { safeFileName, saveTextFile } from '../../components/save-file.js';
import { useApp } from '../../store/use-app.js';
import { RenameDialog } from './RenameDialog.js';

interface ProfileActionsProps {
  name: string;
  readOnly: boolean;
  onError(message: string | null): void;
  onRenamed(newName: string): void;
  onDeleted(): void;
}

export function ProfileActions({ name, readOnly, onError, onRenamed, onDeleted }: ProfileActionsProps) {
  const removeProfile = useApp((state) => state.removeProfile);
  const exportProfile = useApp((state) => state.exportProfile);
  const announce = useApp((state) => state.announce);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);

  const download = async () => {
    const result = await exportProfile(name);
    if (!result.ok) return onError(result.error.message);
    const fileName = `${safeFileName(name)}.conf`;
    saveTextFile(fileName, result.value.text);
    announce(`Exported ${fileName} without the private key`);
  };
  const remove = async () => {
    setDialog(null);
    const result = await removeProfile(name);
    if (!result.ok) return onError(result.error.message);
    announce(`Deleted ${name}`);
    onDeleted();
  };

  return (
    <div className="header-actions">
      <button type="button" className="button button-small" disabled={readOnly} onClick={() => setDialog('rename')}>Rename…</button>
      <button type="button" className="button button-small" title="Saves a .conf file without your private key" onClick={() => void download()}>Export</button>
      <button type="button" className="button button-small button-danger" disabled={readOnly} onClick={() => setDialog('delete')}>Delete…</button>
      <RenameDialog name={name} open={dialog === 'rename'} onClose={(newName) => {
        setDialog(null);
        if (newName === null) return;
        announce(`Renamed ${name} to ${newName}`);
        onRenamed(newName);
      }} />
      <ConfirmDialog open={dialog === 'delete'} title={`Delete ${name}?`} confirmLabel="Delete" onConfirm={() => void remove()} onCancel={() => setDialog(null)}>
        Its keys are deleted too. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
