// The watcher on the real kernel (root): the process connector reports an exec of a listed binary, the process lands in a test cgroup within 100 ms, its children too.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import { openProcConnector } from '../native/proc-connector.js';
import { silentLogger } from '../platform/network.js';
import { FakeSplitTunnel } from '../platform/split-tunnel.fake.js';
import type { SplitTunnelApplied, SplitTunnelConfig } from '../platform/split-tunnel.js';
import { removeCgroupTree } from '../platform/split-real-support.js';
import { systemClock } from '../time/clock.js';
import { createCgroupFs } from './cgroup-fs.js';
import { findCgroup2Mount } from './cgroup-mount.js';
import { FallbackEventSource } from './proc-event-source.js';
import { createProcFs, inChildPidNamespace } from './proc-fs.js';
import { ProcPoller } from './proc-poller.js';
import type { CaughtProcessEvent } from './process-watcher.js';
import { SplitManager } from './split-manager.js';
import { ruleIdFor } from './split-rules.js';
import { memorySplitStore } from './split-store.js';
import { systemTimers } from './timers.js';

const RUNS = 20;
const mount = findCgroup2Mount(readFileSync('/proc/self/mountinfo', 'utf8'));
const parent = `ferry-test-${randomBytes(4).toString('hex')}`;
let directory = '';
const children: ChildProcess[] = [];

/** The kernel side is faked (no nft, no rules: nothing here touches the network); the cgroups are real. */
class RealCgroupSplitTunnel extends FakeSplitTunnel {
  override async set(config: SplitTunnelConfig | null): Promise<FerryResult<SplitTunnelApplied | null>> {
    const result = await super.set(config);
    for (const dir of Object.values(result.ok && result.value ? result.value.groupDirs : {})) await fs.mkdir(dir, { recursive: true });
    return result;
  }
}

function mountPoint(): string {
  if (!mount.ok) throw new Error(mount.error.message);
  return mount.value.mountPoint;
}

async function openManager(caught: (event: CaughtProcessEvent) => void): Promise<SplitManager> {
  const procfs = createProcFs();
  const monotonicNs = (): bigint => process.hrtime.bigint();
  return SplitManager.open({
    splitTunnel: new RealCgroupSplitTunnel(mountPoint(), () => parent),
    store: memorySplitStore({ mode: 'exclude', rules: [] }),
    procfs,
    cgroups: createCgroupFs(),
    openEvents: (onFallback) =>
      new FallbackEventSource({
        openConnector: () => openProcConnector(),
        openPoller: () => new ProcPoller(procfs, systemTimers, monotonicNs),
        inChildPidNamespace: inChildPidNamespace(),
        timers: systemTimers,
        onFallback,
      }),
    clock: systemClock,
    monotonicNs,
    logger: silentLogger,
    onCaught: caught,
  });
}

function start(file: string, args: string[]): ChildProcess {
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return child;
}

/** By PID only; a process that already exited is fine. */
function killQuietly(pid: number | undefined): void {
  try {
    if (pid !== undefined) process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function cgroupOf(pid: number | undefined): string {
  return readFileSync(`/proc/${pid}/cgroup`, 'utf8').match(/^0::(.*)$/m)?.[1] ?? '';
}

function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const startedMs = Date.now();
    const poll = (): void => {
      const value = check();
      if (value !== undefined) resolve(value);
      else if (Date.now() - startedMs > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else setImmediate(poll);
    };
    poll();
  });
}

beforeAll(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-watch-'));
  await fs.copyFile('/bin/sleep', path.join(directory, 'ferry-test-sleeper'));
  await fs.copyFile('/bin/sh', path.join(directory, 'ferry-test-sh'));
  await fs.chmod(path.join(directory, 'ferry-test-sleeper'), 0o755);
  await fs.chmod(path.join(directory, 'ferry-test-sh'), 0o755);
});

afterAll(async () => {
  for (const child of children) killQuietly(child.pid);
  try {
    removeCgroupTree(path.join(mountPoint(), parent), mountPoint());
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
});

describe('the split-tunnel watcher on the real kernel', () => {
  it('catches each exec of a listed binary within 100 ms and leaves other processes alone', async () => {
    const caught: CaughtProcessEvent[] = [];
    const manager = await openManager((event) => caught.push(event));
    try {
      const sleeper = path.join(directory, 'ferry-test-sleeper');
      expect((await manager.addRule(sleeper)).ok).toBe(true);
      expect(manager.status().watcher).toBe(inChildPidNamespace() ? 'polling' : 'process-connector');
      const unlisted = start('/bin/sleep', ['30']);
      for (let run = 0; run < RUNS; run++) {
        const child = start(sleeper, ['30']);
        const event = await waitFor('the catch', () => caught.find((entry) => entry.pid === child.pid));
        expect(cgroupOf(child.pid)).toBe(`/${parent}/${ruleIdFor(sleeper)}`);
        expect(event.latencyMs).not.toBeNull();
        killQuietly(child.pid);
      }
      const latencies = caught.map((entry) => entry.latencyMs ?? Infinity).sort((a, b) => a - b);
      console.log(`catch latency over ${RUNS} execs (ms): min ${latencies[0]?.toFixed(3)} median ${latencies[RUNS >> 1]?.toFixed(3)} max ${latencies.at(-1)?.toFixed(3)}`);
      expect(latencies.at(-1)).toBeLessThan(100);
      expect(cgroupOf(unlisted.pid)).not.toContain(parent);
    } finally {
      await manager.close();
    }
  });

  it('a child of a caught process is in the cgroup too', async () => {
    const caught: CaughtProcessEvent[] = [];
    const manager = await openManager((event) => caught.push(event));
    try {
      const shell = path.join(directory, 'ferry-test-sh');
      await manager.addRule(shell);
      const parentProcess = start(shell, ['-c', 'sleep 30 & echo $!; wait']);
      const childPid = await new Promise<number>((resolve) => parentProcess.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
      await waitFor('the parent’s catch', () => caught.find((entry) => entry.pid === parentProcess.pid));
      const group = `/${parent}/${ruleIdFor(shell)}`;
      expect(cgroupOf(parentProcess.pid)).toBe(group);
      expect(await waitFor('the child in the group', () => (cgroupOf(childPid) === group ? childPid : undefined))).toBe(childPid);
      killQuietly(childPid);
    } finally {
      await manager.close();
    }
  });
});
