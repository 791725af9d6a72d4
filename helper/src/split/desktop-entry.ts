// Parses XDG `.desktop` files (Desktop Entry Specification 1.5): the [Desktop Entry] group's Name, Icon, Exec, TryExec and visibility.
export interface DesktopEntry {
  name: string;
  icon: string | null;
  /** The program Exec runs (its first word, `env VAR=…` skipped), unresolved: a name to look up on PATH or an absolute path. */
  program: string;
  tryExec: string | null;
}

const MAIN_GROUP = 'Desktop Entry';

/** The string escapes of §4 (`\s`, `\n`, `\t`, `\r`, `\\`); other backslashes stay for the Exec quoting rules. */
export function unescapeValue(value: string): string {
  const escapes: Record<string, string> = { s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' };
  return value.replace(/\\([sntr\\])/g, (_match, letter: string) => escapes[letter] ?? '');
}

/** Keys of the main group (localised variants such as `Name[de]` are left out: the plain key is the fallback). */
export function desktopEntryKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let group: string | null = null;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      group = header[1] ?? null;
      continue;
    }
    const pair = /^([A-Za-z0-9-]+)\s*=\s*(.*)$/.exec(line);
    if (group === MAIN_GROUP && pair?.[1] !== undefined && !keys.has(pair[1])) keys.set(pair[1], pair[2] ?? '');
  }
  return keys;
}

/**
 * Splits an Exec value into words (§7): double quotes group, and inside them a backslash escapes `"`, `` ` ``, `$`
 * and `\`. Field codes (`%f`, `%U`, …) are dropped and `%%` becomes `%`.
 */
export function execWords(exec: string): string[] {
  const words: string[] = [];
  let current: string | null = null;
  let quoted = false;
  for (let i = 0; i < exec.length; i++) {
    const char = exec[i] as string;
    if (quoted && char === '\\' && i + 1 < exec.length) current = (current ?? '') + exec[++i];
    else if (char === '"') [quoted, current] = [!quoted, current ?? ''];
    else if (!quoted && /\s/.test(char)) {
      if (current !== null) words.push(current);
      current = null;
    } else current = (current ?? '') + char;
  }
  if (current !== null) words.push(current);
  return words.filter((word) => !/^%[a-zA-Z]$/.test(word)).map((word) => word.replace(/%%/g, '%'));
}

/** The program of an Exec line: `env` and its `NAME=value` assignments are how launchers set variables, not the app. */
export function execProgram(exec: string): string | null {
  const words = execWords(exec);
  let index = 0;
  if (words[0] === 'env' || words[0] === '/usr/bin/env') {
    index = 1;
    while (words[index]?.includes('=') === true) index++;
  }
  const program = words[index];
  return program === undefined || program === '' ? null : program;
}

/** An application entry that should be listed, or null (another type, hidden, no Name, no Exec). */
export function parseDesktopEntry(text: string): DesktopEntry | null {
  const keys = desktopEntryKeys(text);
  const value = (key: string): string | null => {
    const raw = keys.get(key);
    return raw === undefined ? null : unescapeValue(raw).trim();
  };
  if ((value('Type') ?? 'Application') !== 'Application') return null;
  if (value('NoDisplay') === 'true' || value('Hidden') === 'true') return null;
  const name = value('Name');
  const exec = value('Exec');
  const program = exec === null ? null : execProgram(exec);
  if (name === null || name === '' || program === null) return null;
  const icon = value('Icon');
  return { name, icon: icon === '' ? null : icon, program, tryExec: value('TryExec') || null };
}
