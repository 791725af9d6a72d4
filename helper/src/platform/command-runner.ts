// How ferryd runs external programs (ip, nft, resolvectl…): execFile with an argument list, never a shell.
import { execFile } from 'node:child_process';

export interface CommandOptions {
  /** Written to the program's stdin, which is then closed (e.g. an `nft -f -` script). */
  input?: string;
  /** Return a non-zero exit as a result instead of throwing `CommandFailedError`. */
  allowFailure?: boolean;
}

export interface CommandResult {
  /** Exit status; 127 when the program could not be started, 128 + n when killed by signal n (e.g. the timeout). */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one program with arguments that the caller has already validated.
 * A non-zero exit throws `CommandFailedError` unless `allowFailure` is set.
 */
export interface CommandRunner {
  run(file: string, args: string[], options?: CommandOptions): Promise<CommandResult>;
}

/** A command that exited non-zero when the caller did not allow it. */
export class CommandFailedError extends Error {
  constructor(
    readonly file: string,
    readonly args: readonly string[],
    readonly result: CommandResult,
  ) {
    super(`${formatCommand(file, args)} exited with ${result.code}: ${result.stderr.trim() || '(no output)'}`);
    this.name = 'CommandFailedError';
  }
}

/** One line for logs and test assertions; arguments with spaces are quoted for readability only. */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((part) => (/[\s"]/.test(part) || part === '' ? JSON.stringify(part) : part)).join(' ');
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

interface ExecFailure {
  code?: number | string | null;
  signal?: NodeJS.Signals | null;
  message: string;
}

function exitCodeOf(error: ExecFailure | null): number {
  if (!error) return 0;
  if (typeof error.code === 'number') return error.code;
  if (error.signal) return 128 + (SIGNAL_NUMBERS[error.signal] ?? 0);
  // ENOENT, EACCES…: the program never ran; anything else (output too large) is a plain failure.
  return typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code) ? 127 : 1;
}

export interface ExecFileRunnerOptions {
  /** Kills a program that hangs (e.g. resolvectl waiting for D-Bus). */
  timeoutMs?: number;
  /** Largest stdout/stderr kept; `ip -json route show table all` can be large on a router. */
  maxOutputBytes?: number;
}

/** The real runner: `child_process.execFile`, so no argument is ever interpreted by a shell. */
export function createExecFileRunner(options: ExecFileRunnerOptions = {}): CommandRunner {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBuffer = options.maxOutputBytes ?? 16 * 1024 * 1024;
  return {
    run(file, args, runOptions = {}) {
      return new Promise((resolve, reject) => {
        const child = execFile(file, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer }, (error, stdout, stderr) => {
          const code = exitCodeOf(error);
          // When the program did not simply exit (never started, killed, too much output), say why.
          const why = error && typeof error.code !== 'number' ? error.message : '';
          const result: CommandResult = { code, stdout, stderr: stderr + why };
          if (code !== 0 && !runOptions.allowFailure) reject(new CommandFailedError(file, args, result));
          else resolve(result);
        });
        // A program that exits without reading its stdin must not crash ferryd with EPIPE.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(runOptions.input ?? '');
      });
    },
  };
}
