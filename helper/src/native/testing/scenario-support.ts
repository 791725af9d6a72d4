// Support for scenario scripts that run inside a test namespace: `ip` commands and a deadline.
import { execFileSync } from 'node:child_process';

/** Runs `ip ARGS` in the current (test) namespace. */
export function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Resolves when `condition` holds, checked after each I/O turn; rejects after `timeoutMs`. */
export function until(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(check, 5);
    };
    check();
  });
}

/** Prints the scenario's result as the last stdout line and exits (closing anything left open). */
export function report(result: unknown): void {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

export function fail(error: unknown): void {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
