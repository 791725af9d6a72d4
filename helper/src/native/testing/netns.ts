// Test support: runs a scenario script in a fresh network namespace and returns the JSON it prints.
// The test process stays in the root namespace, which it never changes; the namespace is deleted after.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SCENARIO_TIMEOUT_MS = 30_000;

/** Creates `ferry-native-<random>`, hands it to `body`, and deletes it whatever happens. */
export async function withNamespace<T>(body: (namespace: string) => Promise<T>): Promise<T> {
  const namespace = `ferry-native-${randomBytes(4).toString('hex')}`;
  await run('ip', ['netns', 'add', namespace]);
  try {
    return await body(namespace);
  } finally {
    await run('ip', ['netns', 'del', namespace]);
  }
}

/**
 * `ip netns exec` execs node in place, so the timeout's kill reaches the scenario by its own PID.
 * The scenario prints one JSON document as its last stdout line.
 */
export async function runScenario(namespace: string, scriptUrl: URL, args: string[] = []): Promise<unknown> {
  const script = fileURLToPath(scriptUrl);
  const { stdout } = await run('ip', ['netns', 'exec', namespace, process.execPath, '--import', 'tsx', script, ...args],
    { cwd: REPO_ROOT, timeout: SCENARIO_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? 'null') as unknown;
}

/** Runs a scenario in its own namespace. */
export function runIsolated(scriptUrl: URL, args: string[] = []): Promise<unknown> {
  return withNamespace((namespace) => runScenario(namespace, scriptUrl, args));
}
