// An editable list of short values (networks, DNS servers): each entry removable, new ones checked before they are added.
import { useId, useState, type KeyboardEvent } from 'react';

export type EntryCheck = { ok: true; value: string } | { ok: false; problem: string };

interface ListEditorProps {
  /** Names the list for assistive technology, e.g. "Custom routes". */
  label: string;
  /** Label of the input that adds an entry, e.g. "Add a network". */
  addLabel: string;
  items: readonly string[];
  placeholder: string;
  emptyText: string;
  hint?: string;
  disabled?: boolean;
  check(text: string, existing: readonly string[]): EntryCheck;
  onChange(items: string[]): void;
}

export function ListEditor({ label, addLabel, items, placeholder, emptyText, hint, disabled, check, onChange }: ListEditorProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const checked = check(text, items);
    if (!checked.ok) return setProblem(checked.problem);
    onChange([...items, checked.value]);
    setText('');
    setProblem(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="list-editor">
      <ul className="entry-list" aria-label={label}>
        {items.length === 0 && <li className="entry-empty">{emptyText}</li>}
        {items.map((item) => (
          <li key={item} className="entry">
            <code>{item}</code>
            <button type="button" className="icon-button" aria-label={`Remove ${item}`} disabled={disabled}
              onClick={() => onChange(items.filter((other) => other !== item))}>
              <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round"><path d="M6 6l12 12M18 6 6 18" /></svg>
            </button>
          </li>
        ))}
      </ul>
      <div className="entry-add">
        <label htmlFor={id} className="visually-hidden">{addLabel}</label>
        <input id={id} className="input mono" value={text} placeholder={placeholder} disabled={disabled} spellCheck={false} autoComplete="off"
          aria-invalid={problem ? true : undefined} aria-describedby={describedBy} onKeyDown={onKeyDown}
          onChange={(event) => { setText(event.target.value); setProblem(null); }} />
        <button type="button" className="button" disabled={disabled || text.trim() === ''} onClick={add}>Add</button>
      </div>
      {problem && <span id={`${id}-error`} className="error" role="alert">{problem}</span>}
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
    </div>
  );
}
