// The /proc polling fallback: new processes become fork + exec events, a changed executable an exec event; the first pass only learns.
import { describe, expect, it } from 'vitest';
import type { ProcEvent } from '../native/proc-connector.js';
import { FakeHost } from './fake-host.js';
import { ProcPoller } from './proc-poller.js';
import { FakeTimers } from './timers.fake.js';

describe('ProcPoller', () => {
  it('reports what changed between scans, every interval', () => {
    const host = new FakeHost().spawn({ pid: 10, exe: '/bin/sh' });
    const timers = new FakeTimers();
    const poller = new ProcPoller(host, timers, () => 42n, 50);
    const received: ProcEvent[] = [];
    poller.start((events) => received.push(...events), () => undefined);
    expect(received).toEqual([]);
    host.spawn({ pid: 11, exe: '/opt/app', ppid: 10 });
    host.processes.get(10)!.exe = '/usr/bin/python3';
    timers.advance(50);
    expect(received).toEqual([
      { kind: 'exec', pid: 10, timestampNs: 42n },
      { kind: 'fork', pid: 11, parentPid: 10, timestampNs: 42n },
      { kind: 'exec', pid: 11, timestampNs: 42n },
    ]);
    poller.close();
    expect(timers.activeCount).toBe(0);
  });
});
