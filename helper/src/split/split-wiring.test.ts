// ferryd's split wiring over a fake kernel side: the block follows the enforced mode before replies, change notices are coalesced, env hooks.
import { describe, expect, it } from 'vitest';
import type { ProcEventSource } from '../native/proc-connector.js';
import { silentLogger } from '../platform/network.js';
import { FakeSplitTunnel } from '../platform/split-tunnel.fake.js';
import { FakeClock } from '../time/fake-clock.js';
import { FakeHost } from './fake-host.js';
import { SplitManager } from './split-manager.js';
import { memorySplitStore } from './split-store.js';
import { FakeTimers } from './timers.fake.js';
import { splitOptionsFromEnv, startSplit, SPLIT_EVENT_INTERVAL_MS } from './split-wiring.js';
import type { SplitManagerOptions } from './create-split-manager.js';
import { FakeCommandRunner } from '../platform/command-runner.fake.js';

async function setUp() {
  const host = new FakeHost('/fake-cgroup2');
  const splitTunnel = new FakeSplitTunnel('/fake-cgroup2');
  const timers = new FakeTimers();
  const idle: ProcEventSource & { kind: 'polling' } = { kind: 'polling', start: () => undefined, close: () => undefined };
  const open = (options: SplitManagerOptions) =>
    SplitManager.open({
      splitTunnel, store: memorySplitStore(), procfs: host, cgroups: host, openEvents: () => idle,
      clock: new FakeClock(), monotonicNs: () => 0n, logger: silentLogger, ...(options.onChange ? { onChange: options.onChange } : {}),
    });
  const wiring = await startSplit({ runner: new FakeCommandRunner(), stateDir: '/nonexistent', clock: new FakeClock(), logger: silentLogger, timers, open });
  return { wiring, splitTunnel, timers };
}

describe('startSplit', () => {
  it('tells the block about the enforced mode, and the caller hears back only after the block followed', async () => {
    const { wiring } = await setUp();
    const seen: unknown[] = [];
    wiring.onFirewallChange(async () => seen.push(wiring.firewallSplit()));
    expect(wiring.firewallSplit()).toBeNull();
    await wiring.service.setMode('exclude');
    expect(seen).toEqual([{ mode: 'exclude' }]);
    await wiring.setTunnel({ interfaceName: 'ferry0', dnsServers: [] });
    await wiring.service.setMode('include');
    await wiring.service.setMode('off');
    expect(seen).toEqual([{ mode: 'exclude' }, { mode: 'include' }, null]);
  });

  it('leaves the block alone when a mode could not be enforced', async () => {
    const { wiring, splitTunnel } = await setUp();
    const seen: unknown[] = [];
    wiring.onFirewallChange(async () => seen.push(wiring.firewallSplit()));
    splitTunnel.failNextSet('cgroup v2 is not mounted', 'no-cgroup2');
    expect(await wiring.service.setMode('exclude')).toMatchObject({ ok: false, error: { details: { reason: 'no-cgroup2' } } });
    expect(seen).toEqual([]);
    expect(wiring.firewallSplit()).toBeNull();
  });

  it('passes the tunnel on to the engine, and undoes everything at close', async () => {
    const { wiring, splitTunnel } = await setUp();
    await wiring.service.setMode('exclude');
    await wiring.setTunnel({ interfaceName: 'ferry0', dnsServers: ['10.64.0.1'] });
    expect(splitTunnel.current?.tunnel).toEqual({ interfaceName: 'ferry0', dnsServers: ['10.64.0.1'] });
    await wiring.setTunnel(null);
    expect(splitTunnel.current?.tunnel).toBeNull();
    expect(await wiring.close()).toEqual({ ok: true, value: undefined });
    expect(splitTunnel.current).toBeNull();
    expect(wiring.firewallSplit()).toBeNull();
  });

  it('coalesces change notices to one per interval', async () => {
    const { wiring, timers } = await setUp();
    let notices = 0;
    wiring.service.onChange(() => notices++);
    timers.advance(SPLIT_EVENT_INTERVAL_MS);
    notices = 0;
    await wiring.service.setMode('exclude');
    await wiring.service.setMode('include');
    await wiring.service.setMode('exclude');
    expect(notices).toBe(1);
    timers.advance(SPLIT_EVENT_INTERVAL_MS);
    expect(notices).toBe(2);
  });
});

describe('splitOptionsFromEnv', () => {
  it('reads the mountinfo path and a safe cgroup prefix, nothing else', () => {
    const options = splitOptionsFromEnv({ FERRY_SPLIT_MOUNTINFO: '/tmp/mountinfo', FERRY_SPLIT_CGROUP_PREFIX: 'ferry-lab-1a2b3c' });
    expect(options.mountInfoPath).toBe('/tmp/mountinfo');
    expect(options.parentCgroupName?.('exclude')).toBe('ferry-lab-1a2b3c-exclude');
    expect(splitOptionsFromEnv({ FERRY_SPLIT_CGROUP_PREFIX: '../escape' })).toEqual({});
    expect(splitOptionsFromEnv({})).toEqual({});
  });
});
