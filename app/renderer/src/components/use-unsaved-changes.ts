// Registers a form's unsaved edits with the store, so that navigating away asks "Discard changes?" first.
import { useEffect } from 'react';
import { useApp } from '../store/use-app.js';

export function useUnsavedChanges(form: string, unsaved: boolean): void {
  const mark = useApp((state) => state.markUnsaved);
  useEffect(() => mark(form, unsaved), [mark, form, unsaved]);
  // A form that goes away takes its edits with it.
  useEffect(() => () => mark(form, false), [mark, form]);
}
