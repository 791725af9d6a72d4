// "Discard changes?": shown when a navigation would drop edits not yet saved; Cancel stays, Discard goes on.
import { useApp } from '../store/use-app.js';
import { ConfirmDialog } from './ConfirmDialog.js';

export function DiscardChangesDialog() {
  const pending = useApp((state) => state.pendingLeave !== null);
  const answer = useApp((state) => state.answerLeave);
  return (
    <ConfirmDialog open={pending} title="Discard changes?" confirmLabel="Discard" onConfirm={() => answer(true)} onCancel={() => answer(false)}>
      You have edits that are not saved yet. If you leave now, they are lost.
    </ConfirmDialog>
  );
}
