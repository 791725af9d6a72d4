// One-off split tunnelling (issue 6): `ferry split launch -- CMD…` as root and as a ferry-group user, and `ferry split pid add|remove` on a running process.
import { readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { run, waitFor } from '../lab/exec.js';
import { connectNewProfile, ferryOk } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { SplitLab } from '../lab/split-lab.js';
import { createTestUser, type TestUser } from '../lab/test-user.js';

function executableOf(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

describe('ferry split launch and ferry split pid', () => {
  let lab: Lab;
  let split: SplitLab;
  let app: string;
  let user: TestUser | undefined;

  beforeAll(async () => {
    lab = await createLab({ name: 'fspll' });
    split = new SplitLab(lab);
    app = split.app('one-off-app');
    await split.startFerryd();
    await connectNewProfile(lab, 'full', { fullTunnel: true });
  }, 120_000);

  afterAll(async () => {
    try {
      await user?.remove();
      await run('groupdel', ['ferry'], { allowFailure: true });
    } finally {
      await lab?.destroy();
      split?.cleanUp();
    }
  });

  it('refuses to launch while split tunnelling is off, and runs nothing', async () => {
    const result = await split.launch(split.probeCommand(app, LAB.serviceV4));
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'ferry: split tunnelling is off: set the mode to exclude or include first\n' });
  });

  it('runs the command outside the tunnel in exclude mode, before it opens a socket, and exits with its code', async () => {
    await ferryOk(lab, ['split', 'mode', 'exclude']);
    const launched = await split.launch(split.probeCommand(app, LAB.serviceV4, { delayMs: 0 }));
    expect(launched).toMatchObject({ code: 0, stdout: `${LAB.client.v4}\n` });
    expect(launched.stderr).toMatch(/cgroup 0::\/ferry-lab-[0-9a-f]+-exclude\/manual\n/);
    expect(await split.launch([process.execPath, '-e', 'process.exit(7)'])).toMatchObject({ code: 7 });
    expect(await split.launch(['/nonexistent/command'])).toMatchObject({ code: 127 });
  });

  it('runs the command as the calling user (a member of the ferry group)', async () => {
    user = await createTestUser();
    await run('groupadd', ['-f', 'ferry']);
    await run('usermod', ['-a', '-G', 'ferry', user.name]);
    const launched = await split.launch([process.execPath, '-e', 'console.log(process.getuid())'], user);
    expect(launched).toMatchObject({ code: 0, stdout: `${user.uid}\n` });
    expect(await split.launch(split.probeCommand(app, LAB.serviceV6, { delayMs: 0 }), user)).toMatchObject({ code: 0, stdout: `${LAB.client.v6}\n` });
  });

  it('adds a running process by PID (its next connection goes direct) and removes it again', async () => {
    const other = split.app('running-app');
    const running = split.spawnProbe(other, LAB.serviceV4, { delayMs: 2_000, holdMs: 20_000 });
    try {
      await waitFor('the app to run', async () => (executableOf(running.pid) === other ? true : undefined), 5_000);
      expect(await ferryOk(lab, ['split', 'pid', 'add', String(running.pid)])).toBe(`added process ${running.pid}\n`);
      expect((await split.splitList()).manual.processes.map((process) => process.pid)).toEqual([running.pid]);
      const answer = await waitFor('its answer', async () => running.output().split('\n').find((line) => /^[0-9.]+$/.test(line)), 10_000);
      expect(answer).toBe(LAB.client.v4);
      expect(await ferryOk(lab, ['split', 'pid', 'remove', String(running.pid)])).toBe(`removed process ${running.pid}\n`);
      expect((await split.splitList()).manual.processes).toEqual([]);
    } finally {
      await running.stop();
    }
  });
});
