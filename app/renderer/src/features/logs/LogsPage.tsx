// Logs: ferryd's live log, filtered by level, newest at the bottom (kept in view while you are there), with copy and save.
import { useEffect, useMemo, useRef } from 'react';
import { LOG_LEVELS, type LogEntry, type LogLevel } from '../../../../../shared/src/protocol/log.js';
import { CopyButton } from '../../components/CopyButton.js';
import { saveTextFile } from '../../components/save-file.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { visibleEntries } from '../../store/logs-slice.js';
import { useApp } from '../../store/use-app.js';

const LEVEL_OPTIONS = LOG_LEVELS.map((level) => ({ value: level, label: level[0]?.toUpperCase() + level.slice(1) }));

function fieldsText(fields: Record<string, unknown>): string {
  return Object.entries(fields).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' ');
}

export function entryText(entry: LogEntry): string {
  return `${entry.at} ${entry.level.toUpperCase().padEnd(5)} ${entry.message} ${fieldsText(entry.fields)}`.trimEnd();
}

/** "ferryd-20260101-101500.log", in local time. */
export function logFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `ferryd-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.log`;
}

export function LogsPage() {
  const entries = useApp((state) => state.entries);
  const level = useApp((state) => state.logLevelFilter);
  const setLevel = useApp((state) => state.setLogLevelFilter);
  const announce = useApp((state) => state.announce);
  const visible = useMemo(() => visibleEntries(entries, level), [entries, level]);
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const element = list.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [visible]);

  return (
    <div className="page-inner logs-page">
      <header className="page-header">
        <h1>Logs</h1>
        <div className="header-actions">
          <SegmentedControl<LogLevel> label="Lowest level shown" options={LEVEL_OPTIONS} value={level} onChange={setLevel} />
          <CopyButton text={visible.map(entryText).join('\n')} label="Copy the log shown" what="Log" />
          <button type="button" className="button button-small" aria-label="Save the log shown to a file" disabled={visible.length === 0} onClick={() => {
            const name = logFileName(new Date());
            saveTextFile(name, `${visible.map(entryText).join('\n')}\n`);
            announce(`Saved ${name}`);
          }}>Save…</button>
        </div>
      </header>
      <ol ref={list} className="log-list card" aria-label="ferryd log" tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
        }}>
        {visible.length === 0 && <li className="muted">Nothing logged at this level yet.</li>}
        {visible.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className={`log-entry level-${entry.level}`}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time>
            <span className="log-level">{entry.level}</span>
            <span className="log-message">{entry.message} <span className="faint">{fieldsText(entry.fields)}</span></span>
          </li>
        ))}
      </ol>
    </div>
  );
}
