// The watcher: exec of a matching binary is caught, a racing fork follows its parent, others are left alone, overruns rescan.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { CgroupMover } from './cgroup-mover.js';
import { FakeHost } from './fake-host.js';
import { ProcessWatcher, type CaughtProcessEvent } from './process-watcher.js';

const MOUNT = '/fake-cgroup2';
const GROUP_DIR = `${MOUNT}/ferry-exclude/r-0000000001`;

function setUp(): { host: FakeHost; watcher: ProcessWatcher; caught: CaughtProcessEvent[]; clock: FakeClock } {
  const host = new FakeHost(MOUNT);
  host.create(`${MOUNT}/ferry-exclude`);
  host.create(GROUP_DIR);
  const mover = new CgroupMover(host, host);
  mover.setLayout({ mountPoint: MOUNT, groupDirs: { 'r-0000000001': GROUP_DIR } });
  const caught: CaughtProcessEvent[] = [];
  const clock = new FakeClock();
  const watcher = new ProcessWatcher({
    procfs: host,
    classify: (pid) => (host.exe(pid) === '/opt/app' ? 'r-0000000001' : null),
    groupOf: (pid) => mover.groupOf(pid),
    moveIn: (pid, group) => mover.moveIn(pid, group),
    clock,
    monotonicNs: () => 5_000_000n,
    onCaught: (event) => caught.push(event),
    onMoveFailed: () => undefined,
  });
  return { host, watcher, caught, clock };
}

describe('ProcessWatcher', () => {
  it('moves a process that execs a listed binary and reports the delay from the kernel timestamp', () => {
    const { host, watcher, caught } = setUp();
    host.spawn({ pid: 100, exe: '/opt/app' });
    watcher.handle([{ kind: 'exec', pid: 100, timestampNs: 3_500_000n }]);
    expect(host.cgroup(100)).toBe('/ferry-exclude/r-0000000001');
    expect(caught).toEqual([{ pid: 100, group: 'r-0000000001', latencyMs: 1.5 }]);
  });

  it('leaves unlisted processes, and caught processes that exec something else, where they are', () => {
    const { host, watcher, caught } = setUp();
    host.spawn({ pid: 101, exe: '/usr/bin/other' }).spawn({ pid: 102, exe: '/opt/app', cgroup: '/ferry-exclude/r-0000000001' });
    watcher.handle([{ kind: 'exec', pid: 101, timestampNs: 1n }, { kind: 'exec', pid: 102, timestampNs: 1n }]);
    expect(host.cgroup(101)).toBe('/user.slice');
    expect(host.moves).toEqual([]);
    expect(caught).toEqual([]);
  });

  it('moves a child forked before its parent was moved, for a while after the move', () => {
    const { host, watcher, clock } = setUp();
    host.spawn({ pid: 200, exe: '/opt/app' }).spawn({ pid: 201, exe: '/opt/app', ppid: 200 }).spawn({ pid: 202, exe: '/bin/helper', ppid: 200 });
    watcher.handle([
      { kind: 'exec', pid: 200, timestampNs: 1n },
      { kind: 'fork', pid: 201, parentPid: 200, timestampNs: 2n },
    ]);
    expect(host.cgroup(201)).toBe('/ferry-exclude/r-0000000001');
    clock.advance(5000);
    watcher.handle([{ kind: 'fork', pid: 202, parentPid: 200, timestampNs: 3n }]);
    expect(host.cgroup(202)).toBe('/user.slice');
  });

  it('rescans /proc after an overrun and ignores processes that exited', () => {
    const { host, watcher, caught } = setUp();
    host.spawn({ pid: 300, exe: '/opt/app' }).spawn({ pid: 301, exe: '/usr/bin/other' });
    watcher.handle([{ kind: 'exec', pid: 999, timestampNs: 1n }, { kind: 'overrun' }]);
    expect(host.cgroup(300)).toBe('/ferry-exclude/r-0000000001');
    expect(host.cgroup(301)).toBe('/user.slice');
    expect(caught).toEqual([{ pid: 300, group: 'r-0000000001', latencyMs: null }]);
  });

  it('never moves init or ferryd itself', () => {
    const { host, watcher } = setUp();
    host.spawn({ pid: 1, exe: '/opt/app' }).spawn({ pid: process.pid, exe: '/opt/app' });
    expect(watcher.rescan()).toBe(0);
  });
});
