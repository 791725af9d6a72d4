// The shape of one CLI command: its words, options, positional arguments, help line and what it runs.
import type { ParseArgsConfig } from 'node:util';
import type { FerryClient } from '../ipc/client.js';
import type { CliIo } from './cli-io.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  client: FerryClient;
  io: CliIo;
  json: boolean;
  options: OptionValues;
  positionals: string[];
}

/** Exit codes of the ferry CLI (DESIGN.md §5). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREACHABLE = 3;

export interface CommandSpec {
  /** The command words: ['status'], ['profile', 'import']. */
  path: readonly string[];
  /** Arguments after the words, for the help text: 'FILE [--name NAME]'. */
  synopsis: string;
  summary: string;
  options: OptionSpecs;
  /** `rest`: any number after the named ones (`split launch -- COMMAND ARG…`). */
  positionals: { names: readonly string[]; min: number; rest?: boolean };
  /** Checks arguments before ferryd is contacted, throwing UsageError, so a typo is exit 2 even with no daemon. */
  check?(options: OptionValues, positionals: string[]): void;
  run(context: CommandContext): Promise<number>;
}

/** A mistake in the command line: reported with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
