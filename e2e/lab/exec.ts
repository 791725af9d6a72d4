// Runs the lab's external programs without a shell (argument vectors only), optionally inside a network namespace.
import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the program's standard input, which is then closed. */
  input?: string;
  /** The program is killed (SIGKILL, by PID) after this long; the result then has code 124. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** When false (the default) a non-zero exit rejects with the command line and its stderr. */
  allowFailure?: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const TIMED_OUT_CODE = 124;

/** The argument vector that runs `file args` inside network namespace `ns` (`ip netns exec`). */
export function inNamespace(ns: string, file: string, args: readonly string[]): [string, string[]] {
  return ['ip', ['netns', 'exec', ns, file, ...args]];
}

/** One line naming a command, for error messages. */
export function describeCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part))).join(' ');
}

/** Runs a program to completion and returns its exit code and output. */
export function run(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot run ${describeCommand(file, args)}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = {
        code: timedOut ? TIMED_OUT_CODE : (code ?? (signal === null ? 1 : 128)),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (timedOut ? '\n(timed out)' : ''),
      };
      if (result.code !== 0 && options.allowFailure !== true) {
        reject(new Error(`${describeCommand(file, args)} exited ${result.code}: ${result.stderr.trim()}`));
      } else {
        resolve(result);
      }
    });
    child.stdin.on('error', () => undefined); // the program may exit before reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a program inside network namespace `ns`. */
export function runIn(ns: string, file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const [ipFile, ipArgs] = inNamespace(ns, file, args);
  return run(ipFile, ipArgs, options);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}
