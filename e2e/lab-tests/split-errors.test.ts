// Split tunnelling refuses bad input with an error a user can act on and applies nothing (issue 6): paths, PIDs, a host without cgroup v2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from '../lab/exec.js';
import { ferryOk } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { SplitLab } from '../lab/split-lab.js';

const NO_CGROUP2 = 'cgroup v2 is not mounted (no cgroup2 entry in /proc/self/mountinfo); per-app split tunnelling needs it';

/** `ferry --json ARGS` that must fail: its exit code, stderr line and error document. */
async function refused(lab: Lab, args: readonly string[]): Promise<{ code: number; stderr: string; error: unknown }> {
  const result = await lab.ferry(['--json', ...args]);
  return { code: result.code, stderr: result.stderr, error: result.stdout === '' ? null : (JSON.parse(result.stdout) as { error: unknown }).error };
}

describe('split tunnelling refuses bad input and applies nothing', () => {
  let lab: Lab;
  let split: SplitLab;
  let app: string;

  /** Nothing of split tunnelling in the kernel: no nft table, no policy rule, no cgroups. */
  async function expectNothingApplied(): Promise<void> {
    expect((await runIn(lab.ns('client'), 'nft', ['list', 'table', 'inet', 'ferry-split'], { allowFailure: true })).code).not.toBe(0);
    expect((await runIn(lab.ns('client'), 'ip', ['rule'])).stdout).not.toContain('0x46520000');
    expect((await runIn(lab.ns('client'), 'ip', ['-6', 'rule'])).stdout).not.toContain('0x46520000');
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).toContain(' - cgroup2 ');
    expect(() => readFileSync(`/sys/fs/cgroup/unified/${split.cgroupPrefix}-exclude/cgroup.procs`)).toThrow(/ENOENT/);
  }

  beforeAll(async () => {
    lab = await createLab({ name: 'fsple' });
    split = new SplitLab(lab);
    app = split.app('some-app');
    await split.startFerryd();
  }, 120_000);

  afterAll(async () => {
    await lab?.destroy();
    split?.cleanUp();
  });

  it.each([
    ['a relative path', 'bin/app', 'not an absolute path: "bin/app"', 'path-relative'],
    ['a missing file', '/nonexistent/app', 'no such file: "/nonexistent/app"', 'path-missing'],
    ['a file that is not executable', '/proc/version', 'not an executable file: "/proc/version"', 'path-not-executable'],
    ['a directory', '/usr/bin', 'not an executable file: "/usr/bin"', 'path-not-executable'],
  ])('refuses %s as a rule', async (_what, path, message, reason) => {
    expect(await refused(lab, ['split', 'add', path])).toEqual({ code: 1, stderr: `ferry: ${message}\n`, error: { code: 'PATH_INVALID', message, details: { reason } } });
    expect(await split.splitList()).toMatchObject({ mode: 'off', rules: [] });
    await expectNothingApplied();
  });

  it('refuses a PID that does not exist, and one that is not a number', async () => {
    await ferryOk(lab, ['split', 'mode', 'exclude']);
    const message = 'no such process: 4194000';
    expect(await refused(lab, ['split', 'pid', 'add', '4194000'])).toEqual({ code: 1, stderr: `ferry: ${message}\n`, error: { code: 'PROCESS_NOT_FOUND', message, details: { reason: 'pid-missing' } } });
    expect((await refused(lab, ['split', 'pid', 'remove', '4194000'])).error).toMatchObject({ code: 'PROCESS_NOT_FOUND' });
    expect(await lab.ferry(['split', 'pid', 'add', 'firefox'])).toMatchObject({ code: 2, stderr: expect.stringContaining('ferry: not a process id: "firefox"\n') });
    expect((await split.splitList()).manual.processes).toEqual([]);
  });

  it('reports a host without cgroup v2 in `ferry status` and `ferry split`, and refuses changes', async () => {
    await ferryOk(lab, ['split', 'add', app]);
    expect(await lab.ferryd.stop()).toBe(0);
    const mountInfo = join(lab.workDir, 'mountinfo-without-cgroup2');
    writeFileSync(mountInfo, readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((line) => !line.includes(' - cgroup2 ')).join('\n'));
    await split.startFerryd({ FERRY_SPLIT_MOUNTINFO: mountInfo });
    expect(await ferryOk(lab, ['status'])).toContain(`split tunnelling: exclude (not enforced: ${NO_CGROUP2})\n`);
    expect(await ferryOk(lab, ['split'])).toBe(`mode: exclude (listed apps bypass the tunnel)\nenforced: no\nwatcher: stopped\nproblem: ${NO_CGROUP2} (no-cgroup2)\n`);
    const status = await lab.ferryJson<{ split: unknown }>(['status']);
    expect(status.split).toEqual({ mode: 'exclude', enforced: false, watcher: 'stopped', problem: { reason: 'no-cgroup2', message: NO_CGROUP2 } });
    expect(await refused(lab, ['split', 'mode', 'include'])).toEqual({ code: 1, stderr: `ferry: ${NO_CGROUP2}\n`, error: { code: 'SPLIT_UNAVAILABLE', message: NO_CGROUP2, details: { reason: 'no-cgroup2' } } });
    expect((await refused(lab, ['split', 'add', split.app('other-app')])).error).toMatchObject({ code: 'SPLIT_UNAVAILABLE' });
    const list = await split.splitList();
    expect(list).toMatchObject({ mode: 'exclude', enforced: false, problem: { reason: 'no-cgroup2' } });
    expect(list.rules.map((rule) => rule.path)).toEqual([app]);
    await expectNothingApplied();
  });
});
