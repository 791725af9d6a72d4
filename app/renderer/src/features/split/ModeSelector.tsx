// The split-tunnelling mode as three radio cards, each with its one-line explanation (arrow keys move, like native radios).
import { useId, useRef, type KeyboardEvent } from 'react';
import type { SplitMode } from '../../../../../shared/src/protocol/split.js';
import { MODE_OPTIONS } from './split-view.js';

interface ModeSelectorProps {
  mode: SplitMode;
  disabled: boolean;
  onChange(mode: SplitMode): void;
}

export function ModeSelector({ mode, disabled, onChange }: ModeSelectorProps) {
  const id = useId();
  const group = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || disabled) return;
    event.preventDefault();
    // From the focused card: `mode` may still be the old one while the change is on its way to ferryd.
    const buttons = [...(group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]') ?? [])];
    const focused = buttons.indexOf(event.target as HTMLButtonElement);
    const index = focused >= 0 ? focused : MODE_OPTIONS.findIndex((option) => option.value === mode);
    const nextIndex = (index + step + MODE_OPTIONS.length) % MODE_OPTIONS.length;
    const next = MODE_OPTIONS[nextIndex];
    if (!next) return;
    onChange(next.value);
    buttons[nextIndex]?.focus();
  };
  return (
    <div ref={group} className="mode-options" role="radiogroup" aria-label="Split tunnelling mode" onKeyDown={onKeyDown}>
      {MODE_OPTIONS.map((option) => (
        <button key={option.value} type="button" role="radio" className="mode-option"
          aria-checked={option.value === mode} aria-labelledby={`${id}-${option.value}-label`} aria-describedby={`${id}-${option.value}`}
          tabIndex={option.value === mode ? 0 : -1} disabled={disabled}
          onClick={() => option.value !== mode && onChange(option.value)}>
          <span className="mode-dot" aria-hidden="true" />
          <span className="mode-text">
            <span id={`${id}-${option.value}-label`} className="mode-label">{option.label}</span>
            <span id={`${id}-${option.value}`} className="mode-description">{option.description}</span>
          </span>
        </button>
      ))}
    </div>
  );
}
