// The tree build/install.sh stages runs on its own: the CLI, libsodium, the native addon, and ferryd serving the CLI.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuildScript } from './run-script.js';

const nodePath = realpathSync(process.execPath);
let workDir = '';
let prefix = '';

beforeAll(() => {
  // Outside the checkout, so that nothing can resolve from the checkout's node_modules by accident.
  workDir = mkdtempSync(join(tmpdir(), 'ferry-runtime-test-'));
  prefix = join(workDir, 'stage/opt/ferry');
  const run = runBuildScript('install', ['--destdir', join(workDir, 'stage'), '--node', nodePath]);
  expect(run.status, run.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runStaged(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(nodePath, args, { cwd: workDir, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Resolves once `text` shows up on the child's stdout or stderr; rejects if the child exits first. */
function waitForOutput(child: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`ferryd exited (${code}) before "${text}":\n${seen}`)));
  });
}

describe('the staged runtime', () => {
  it('runs the CLI, which reports an unreachable ferryd with exit 3', () => {
    const run = runStaged([join(prefix, 'helper/bin/ferry'), '--socket', join(workDir, 'absent.sock'), 'status']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('cannot reach ferryd');
  });

  it('loads libsodium and the native addon from its own node_modules and build', () => {
    const crypto = pathToFileURL(join(prefix, 'dist/helper/src/wireguard/crypto.js')).href;
    const addon = pathToFileURL(join(prefix, 'dist/helper/src/native/addon.js')).href;
    const script = `const c = await import(${JSON.stringify(crypto)}); const a = await import(${JSON.stringify(addon)});`
      + ' console.log(JSON.stringify({ aead: c.aeadBackendName, tunOpen: typeof a.nativeAddon().tunOpen }));';
    const run = runStaged(['--input-type=module', '-e', script]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ aead: 'libsodium', tunOpen: 'function' });
  });

  it('starts ferryd (in its own user and network namespace) and answers the staged CLI', async () => {
    const socket = join(workDir, 'ferryd.sock');
    const ferryd = spawn('unshare', ['--user', '--map-root-user', '--net', nodePath, join(prefix, 'helper/bin/ferryd'),
      '--socket', socket, '--state-dir', join(workDir, 'state')], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await waitForOutput(ferryd, 'ferryd started');
      const status = runStaged([join(prefix, 'helper/bin/ferry'), '--socket', socket, '--json', 'status']);
      expect(status.status, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout)).toMatchObject({ state: 'disconnected', profile: null });
    } finally {
      const exited = new Promise<number | null>((resolve) => ferryd.once('exit', resolve));
      if (ferryd.pid !== undefined && ferryd.exitCode === null) process.kill(ferryd.pid, 'SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
