// "Launch excluded / through VPN": starts a program once inside the split cgroup (desktop.launchSplit), without listing it.
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { TextField } from '../../components/TextField.js';
import { useApp } from '../../store/use-app.js';
import { fileName, parseArgs } from './split-view.js';

interface LaunchDialogProps {
  open: boolean;
  title: string;
  onClose(): void;
}

/** Shows the native dialog as a modal (focus trapped, Escape cancels) while `open`. */
function useModal(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [dialog, open]);
}

export function LaunchDialog({ open, title, onClose }: LaunchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const launch = useApp((state) => state.launchSplit);
  const announce = useApp((state) => state.announce);
  const [path, setPath] = useState('');
  const [argsText, setArgsText] = useState('');
  const [error, setError] = useState<{ field: 'path' | 'args'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useModal(dialog, open);

  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const args = parseArgs(argsText);
    if (!args.ok) return setError({ field: 'args', message: args.problem });
    setBusy(true);
    const result = await launch(path.trim(), args.args);
    setBusy(false);
    if (!result.ok) return setError({ field: 'path', message: result.error.message });
    announce(`Started ${fileName(path.trim())} (process ${result.value.pid})`);
    setPath('');
    setArgsText('');
    close();
  };
  return (
    <dialog ref={dialog} className="dialog launch-dialog" aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); close(); }}>
      <form className="panel" onSubmit={(event) => void submit(event)}>
        <div>
          <h2 id={titleId}>{title}</h2>
          <p className="muted">Runs a program once as you, without adding it to the list. Programs it starts follow it.</p>
        </div>
        <TextField label="Program" mono value={path} placeholder="/usr/bin/firefox" error={error?.field === 'path' ? error.message : undefined}
          onChange={(value) => { setPath(value); setError(null); }} />
        <TextField label="Arguments (optional)" mono value={argsText} placeholder="--private-window" error={error?.field === 'args' ? error.message : undefined}
          hint="Separated by spaces; quote an argument that contains spaces." onChange={(value) => { setArgsText(value); setError(null); }} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>Cancel</button>
          <button type="submit" className="button button-primary" disabled={busy || path.trim() === ''}>Launch</button>
        </div>
      </form>
    </dialog>
  );
}
