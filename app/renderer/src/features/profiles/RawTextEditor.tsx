// The profile editor's text view: wg-quick text without secrets, checked by the shared parser with line-numbered errors.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConfigError } from '../../../../../shared/src/config/wg-config.js';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { useUnsavedChanges } from '../../components/use-unsaved-changes.js';
import { useApp } from '../../store/use-app.js';
import { checkRawText, rawTextOf } from './raw-config.js';

/** Selects line `line` (1-based) of the textarea and scrolls it into view. */
function selectLine(area: HTMLTextAreaElement, line: number): void {
  const lines = area.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  const lineHeightPx = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 3) * lineHeightPx);
}

function Gutter({ count, errorLines, scrollTop }: { count: number; errorLines: Set<number>; scrollTop: number }) {
  return (
    <div className="gutter" aria-hidden="true">
      <div style={{ transform: `translateY(${-scrollTop}px)` }}>
        {Array.from({ length: count }, (_, i) => <div key={i} className={errorLines.has(i + 1) ? 'gutter-error' : undefined}>{i + 1}</div>)}
      </div>
    </div>
  );
}

export function RawTextEditor({ profile, readOnly }: { profile: PublicProfile; readOnly: boolean }) {
  const updateProfile = useApp((state) => state.updateProfile);
  const announce = useApp((state) => state.announce);
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const contentKey = JSON.stringify(profile);
  const original = useMemo(() => rawTextOf(profile), [contentKey]);
  const [text, setText] = useState(original);
  const [errors, setErrors] = useState<ConfigError[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [scrollTop, setScrollTop] = useState(0);
  useUnsavedChanges('profile-text', text !== original);
  useEffect(() => {
    setText(original);
    setErrors([]);
  }, [original]);

  const save = async () => {
    const check = checkRawText(text);
    if (!check.ok) {
      setErrors(check.errors);
      const first = check.errors[0];
      if (first && first.line > 0 && area.current) selectLine(area.current, first.line);
      return;
    }
    const result = await updateProfile(profile.name, check.body);
    if (!result.ok) return setErrors([{ line: 0, message: result.error.message }]);
    // What was stored, in canonical form: text that only differed in layout or comments is not left looking unsaved.
    setText(rawTextOf(result.value.profile));
    setErrors([]);
    setNotes([...check.notices.map((notice) => `Line ${notice.line}: ${notice.message}`), ...check.missing.map((message) => `Before you can connect: ${message}`)]);
    announce(`Saved ${profile.name}`);
  };
  const errorLines = new Set(errors.map((error) => error.line));
  const dirty = text !== original;

  return (
    <form className="panel" aria-label={`${profile.name} as text`} noValidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <div className="field">
        <label htmlFor={id}>Configuration text</label>
        <div className={`code-editor ${errors.length > 0 ? 'invalid' : ''}`}>
          <Gutter count={text.split('\n').length} errorLines={errorLines} scrollTop={scrollTop} />
          <textarea ref={area} id={id} className="code-area" value={text} wrap="off" spellCheck={false} autoComplete="off"
            aria-invalid={errors.length > 0 ? true : undefined} aria-describedby={`${id}-hint${errors.length > 0 ? ` ${id}-errors` : ''}`}
            onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
            onChange={(event) => { setText(event.target.value); setNotes([]); }} />
        </div>
        <span id={`${id}-hint`} className="hint">wg-quick format. Leave PrivateKey and PresharedKey out to keep the ones Ferry stores; add them to replace them.</span>
      </div>
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className="error-list" role="alert" aria-label="Problems in the text">
          {errors.map((error) => (
            <li key={`${error.line}-${error.message}`}>
              {error.line > 0
                ? <button type="button" className="link-button" onClick={() => area.current && selectLine(area.current, error.line)}>{error.message}</button>
                : error.message}
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && <ul className="banner banner-info note-list">{notes.map((note) => <li key={note}>{note}</li>)}</ul>}
      <div className="form-actions">
        <button type="button" className="button" disabled={!dirty} onClick={() => { setText(original); setErrors([]); }}>Revert</button>
        <button type="submit" className="button button-primary" disabled={!dirty || readOnly}>Save</button>
      </div>
    </form>
  );
}
