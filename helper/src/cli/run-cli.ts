// Runs one ferry command line: parse, connect to ferryd, run the command, turn every failure into one line and an exit code.
import { DEFAULT_ERROR_MESSAGES } from '../../../shared/src/protocol/errors.js';
import { FerryClient } from '../ipc/client.js';
import { FerryConnectionError, FerryProtocolError, FerryRemoteError } from '../ipc/remote-error.js';
import { parseCommandLine, type CommandLine } from './args.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE, UsageError, type CommandSpec } from './command-spec.js';
import { COMMANDS } from './command-table.js';
import { commandUsage, usage } from './usage.js';

/** Ordinary calls should answer at once; a hung ferryd must not hang scripts forever. */
export const CALL_TIMEOUT_MS = 30_000;

function unreachableMessage(socketPath: string, error: FerryConnectionError): string {
  if (error.reason === 'EACCES') return `cannot reach ferryd at ${socketPath} (permission denied; are you in the ferry group?)`;
  return `cannot reach ferryd at ${socketPath} (is it running?)`;
}

/** Prints the failure (one line on stderr, and the error document on stdout with --json) and picks the exit code. */
export function reportFailure(io: CliIo, line: CommandLine, error: unknown): number {
  const fail = (message: string, code: number, document?: unknown) => {
    if (line.json && document !== undefined) io.stdout(`${JSON.stringify({ error: document })}\n`);
    io.stderr(`ferry: ${message}\n`);
    return code;
  };
  if (error instanceof UsageError) return fail(error.message, EXIT_USAGE);
  if (error instanceof FerryRemoteError) return fail(error.message, EXIT_FAILURE, error.toJSON());
  if (error instanceof FerryConnectionError) {
    const message = error.reason === 'ETIMEDOUT' ? error.message : unreachableMessage(line.socketPath, error);
    return fail(message, EXIT_UNREACHABLE, { code: 'UNREACHABLE', message });
  }
  if (error instanceof FerryProtocolError) return fail(error.message, EXIT_FAILURE, { code: 'INTERNAL', message: error.message });
  const message = error instanceof Error ? error.message : String(error);
  return fail(message, EXIT_FAILURE, { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL });
}

async function runCommand(io: CliIo, line: CommandLine, command: CommandSpec): Promise<number> {
  let client: FerryClient | null = null;
  try {
    command.check?.(line.options, line.positionals);
    client = await FerryClient.connect(line.socketPath, { clientName: 'ferry-cli', callTimeoutMs: CALL_TIMEOUT_MS });
    return await command.run({ client, io, json: line.json, options: line.options, positionals: line.positionals });
  } catch (error) {
    return reportFailure(io, line, error);
  } finally {
    client?.close();
  }
}

export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CommandSpec[] = COMMANDS): Promise<number> {
  const parsed = parseCommandLine(argv, io.env, commands);
  if (!parsed.ok) {
    io.stderr(`ferry: ${parsed.message}\n${parsed.command ? commandUsage(parsed.command) : usage(commands)}`);
    return EXIT_USAGE;
  }
  const line = parsed.value;
  if (line.help || !line.command) {
    io.stdout(line.command ? commandUsage(line.command) : usage(commands));
    return EXIT_OK;
  }
  return runCommand(io, line, line.command);
}
