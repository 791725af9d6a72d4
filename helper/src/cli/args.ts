// Command-line parsing for `ferry [--socket PATH] [--json] COMMAND …` with node:util parseArgs (DESIGN.md §5).
import { parseArgs } from 'node:util';
import { DEFAULT_SOCKET_PATH } from '../../../shared/src/protocol/version.js';
import type { CommandSpec, OptionSpecs, OptionValues } from './command-spec.js';

export const GLOBAL_OPTIONS: OptionSpecs = {
  socket: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export interface CommandLine {
  socketPath: string;
  json: boolean;
  help: boolean;
  /** null: no command given (only allowed with --help). */
  command: CommandSpec | null;
  options: OptionValues;
  positionals: string[];
}

export type CommandLineParse = { ok: true; value: CommandLine } | { ok: false; message: string; command: CommandSpec | null };

/** Options that take a value, in any command: their value is not a command word. */
function valueOptions(commands: readonly CommandSpec[]): Set<string> {
  const names = new Set<string>();
  for (const options of [GLOBAL_OPTIONS, ...commands.map((c) => c.options)]) {
    for (const [name, spec] of Object.entries(options)) {
      if (spec.type !== 'string') continue;
      names.add(`--${name}`);
      if (spec.short) names.add(`-${spec.short}`);
    }
  }
  return names;
}

/** Indexes of the arguments that are positional, before any `--`. */
function positionalIndexes(argv: readonly string[], takesValue: Set<string>): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (takesValue.has(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') indexes.push(i);
  }
  return indexes;
}

/** The command whose words are the longest prefix of the positional words. */
function findCommand(words: string[], commands: readonly CommandSpec[]): CommandSpec | null {
  let best: CommandSpec | null = null;
  for (const command of commands) {
    const matches = command.path.every((word, i) => words[i] === word);
    if (matches && command.path.length > (best?.path.length ?? 0)) best = command;
  }
  return best;
}

function unknownCommandMessage(words: string[], commands: readonly CommandSpec[]): string {
  if (words.length === 0) return 'no command given';
  const group = commands.some((c) => c.path.length > 1 && c.path[0] === words[0]);
  return group && words.length > 1 ? `unknown command "${words[0]} ${words[1]}"` : group ? `"${words[0]}" needs a subcommand` : `unknown command "${words[0]}"`;
}

/** A word after a command that also heads a group (`split foo`) is an unknown subcommand, not an extra argument. */
function extraArgumentMessage(command: CommandSpec, word: string, commands: readonly CommandSpec[]): string {
  const below = (prefix: readonly string[]) => commands.some((other) => other.path.length > prefix.length && prefix.every((part, i) => other.path[i] === part));
  const words = [...command.path, word].join(' ');
  if (below([...command.path, word])) return `"${words}" needs a subcommand`;
  return below(command.path) ? `unknown command "${words}"` : `unexpected argument "${word}"`;
}

export function parseCommandLine(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, commands: readonly CommandSpec[]): CommandLineParse {
  const indexes = positionalIndexes(argv, valueOptions(commands));
  const words = indexes.map((i) => argv[i] ?? '');
  const command = findCommand(words, commands);
  const wordIndexes = new Set(command ? indexes.slice(0, command.path.length) : []);
  const rest = argv.filter((_, i) => !wordIndexes.has(i));
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command?.options }, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] ?? 'invalid arguments', command };
  }
  const values = parsed.values as OptionValues;
  const base = {
    socketPath: (values.socket as string | undefined) ?? env.FERRY_SOCKET ?? DEFAULT_SOCKET_PATH,
    json: values.json === true,
    help: values.help === true,
    options: values,
    positionals: parsed.positionals,
  };
  if (!command) return base.help && words.length === 0 ? { ok: true, value: { ...base, command: null } } : { ok: false, message: unknownCommandMessage(words, commands), command: null };
  if (base.help) return { ok: true, value: { ...base, command } };
  const { names, min } = command.positionals;
  if (parsed.positionals.length < min) return { ok: false, message: `missing ${names[parsed.positionals.length] ?? 'argument'}`, command };
  if (parsed.positionals.length > names.length && command.positionals.rest !== true) return { ok: false, message: extraArgumentMessage(command, parsed.positionals[names.length] ?? '', commands), command };
  return { ok: true, value: { ...base, command } };
}
