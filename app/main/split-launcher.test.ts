// Tests of desktop.launchSplit's launcher with real processes: the gate is moved before the program runs, arguments reach it untouched, a refusal runs nothing.
import { spawn, type SpawnOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/src/protocol/errors.js';
import { checkProgram, createSplitLauncher, GATE_SCRIPT, launchSplit, type SpawnFunction } from './split-launcher.js';

const TOUCH = existsSync('/usr/bin/touch') ? '/usr/bin/touch' : '/bin/touch';

/** Waits for something a real child process does (not a timer of ours). */
async function eventually(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function isRunning(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

describe('split launcher', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ferry-split-launcher-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks ferryd to move its own waiting child, and only then runs the program with its arguments as given', async () => {
    const marker = join(dir, `made by "$(touch injected)" 'quoted' $HOME; touch injected`);
    const asked: { pid: number; parent: number; ranYet: boolean }[] = [];
    const result = await launchSplit({
      moveChild: async (pid) => {
        asked.push({ pid, parent: parentOf(pid), ranYet: existsSync(marker) });
        return ok({ pid });
      },
      cwd: dir,
    }, { path: TOUCH, args: [marker] });
    expect(result.ok).toBe(true);
    const pid = result.ok ? result.value.pid : 0;
    expect(asked).toEqual([{ pid, parent: process.pid, ranYet: false }]);
    await eventually('the program to run', () => existsSync(marker));
    expect(existsSync(join(dir, 'injected'))).toBe(false);
  });

  it('kills the gate and returns ferryd\'s error when the move is refused: the program never runs', async () => {
    const marker = join(dir, 'never');
    let gatePid = 0;
    const result = await launchSplit({
      moveChild: async (pid) => {
        gatePid = pid;
        return fail('INVALID_PARAMS', 'split tunnelling is off: set the mode to exclude or include first');
      },
    }, { path: TOUCH, args: [marker] });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_PARAMS', message: 'split tunnelling is off: set the mode to exclude or include first' } });
    await eventually('the gate to be gone', () => !isRunning(gatePid));
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses relative, missing and non-executable paths before starting anything', async () => {
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, 'not a program');
    chmodSync(plain, 0o644);
    let spawned = 0;
    const deps = { moveChild: async (pid: number) => ok({ pid }), spawn: (() => { spawned++; throw new Error('not expected'); }) as SpawnFunction };
    expect(await launchSplit(deps, { path: 'bin/app' })).toMatchObject({ ok: false, error: { code: 'PATH_INVALID', message: 'not an absolute path: "bin/app"' } });
    expect(await launchSplit(deps, { path: join(dir, 'missing') })).toMatchObject({ ok: false, error: { code: 'PATH_INVALID' } });
    expect(await launchSplit(deps, { path: plain })).toMatchObject({ ok: false, error: { code: 'PATH_INVALID', message: `not an executable file: "${plain}"` } });
    expect(await launchSplit(deps, { path: dir })).toMatchObject({ ok: false, error: { code: 'PATH_INVALID' } });
    expect(await checkProgram(TOUCH)).toEqual({ ok: true, value: undefined });
    expect(spawned).toBe(0);
  });

  it('calls split.launch through the bridge and starts the gate detached in the user\'s home, stdin only', async () => {
    const calls: unknown[] = [];
    const bridge = { call: (async (method: string, params: unknown) => { calls.push({ method, params }); return ok({ pid: (params as { pid: number }).pid }); }) as never };
    const handler = createSplitLauncher({ bridge, env: { HOME: dir } });
    const result = await handler({ path: TOUCH, args: [join(dir, 'from-handler')] });
    expect(result.ok).toBe(true);
    expect(calls).toEqual([{ method: 'split.launch', params: { pid: result.ok ? result.value.pid : 0 } }]);
    await eventually('the program to run', () => existsSync(join(dir, 'from-handler')));
  });

  it('passes the program and its arguments to sh as $0 and "$@", never inside the script', async () => {
    const seen: { file: string; args: readonly string[]; options: SpawnOptions }[] = [];
    const recording: SpawnFunction = (file, args, options) => {
      seen.push({ file, args, options });
      return spawn(file, args, options);
    };
    const result = await launchSplit({ moveChild: async (pid) => ok({ pid }), spawn: recording, cwd: dir }, { path: TOUCH, args: ['a b', '$x'] });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([{ file: '/bin/sh', args: ['-c', GATE_SCRIPT, TOUCH, 'a b', '$x'], options: { stdio: ['pipe', 'ignore', 'ignore'], detached: true, cwd: dir } }]);
    await eventually('the program to run', () => existsSync(join(dir, 'a b')) && existsSync(join(dir, '$x')));
  });
});
