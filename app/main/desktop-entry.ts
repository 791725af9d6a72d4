// Desktop Entry files (freedesktop Desktop Entry Specification 1.5): writing the Exec key and reading keys of [Desktop Entry].

/** Characters that force an Exec argument into double quotes (spec, "The Exec key"). */
const RESERVED = /[\s"'\\><~|&;$*?#`=()]/;

/** One Exec argument: quoted when it holds a reserved character; `"`, `` ` ``, `$` and `\` escaped inside the quotes. */
export function quoteExecArgument(argument: string): string {
  if (argument !== '' && !RESERVED.test(argument)) return argument;
  return `"${argument.replace(/["`$\\]/g, (char) => `\\${char}`)}"`;
}

/**
 * The Exec value for a command line. Field codes start with `%`, so a literal one is `%%`; the value is then a
 * string as every other key, whose own escapes (`\\`, `\n`, `\t`, `\r`) readers undo before they apply the quoting.
 */
export function execValue(executable: string, args: readonly string[]): string {
  const line = [executable, ...args].map(quoteExecArgument).join(' ').replace(/%/g, '%%');
  return escapeString(line);
}

/** String escapes of the spec ("Possible value types"): a value is one line. */
export function escapeString(value: string): string {
  return value.replace(/[\\\n\t\r]/g, (char) => ({ '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' })[char] ?? char);
}

/** The keys of the [Desktop Entry] group, values as written (unescaped only where a caller needs it); comments and other groups ignored. */
export function readMainGroup(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inMain = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      inMain = line === '[Desktop Entry]';
      continue;
    }
    const equals = line.indexOf('=');
    if (!inMain || equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    // A key may appear once per group (spec); should one repeat, the later line is kept.
    keys.set(key, line.slice(equals + 1).trim());
  }
  return keys;
}
