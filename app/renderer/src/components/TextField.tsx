// A labelled text input (or textarea) with a hint and an inline error wired to aria-invalid / aria-describedby.
import { useId } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  mono?: boolean;
  className?: string;
  inputMode?: 'numeric' | 'text';
  onBlur?(): void;
}

export function TextField({ label, value, onChange, error, hint, placeholder, multiline, mono, className, inputMode, onBlur }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    placeholder,
    onBlur,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
    autoComplete: 'off',
  } as const;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline
        ? <textarea {...common} className="textarea" onChange={(event) => onChange(event.target.value)} />
        : <input {...common} className={`input ${mono ? 'mono' : ''}`} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />}
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="error" role="alert">{error}</span>}
    </div>
  );
}
