// createPlatform picks the OS once; the fake configurator records plans for other modules' tests.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { FakeCommandRunner } from './command-runner.fake.js';
import { FakeNetworkConfigurator } from './network.fake.js';
import { LinuxNetworkConfigurator } from './network.linux.js';
import { createPlatform } from './platform.js';
import type { TunnelNetworkPlan } from './network.js';

const options = { runner: new FakeCommandRunner(), stateDir: '/nonexistent/ferry-state', clock: new FakeClock() };

describe('createPlatform', () => {
  it('returns the Linux implementation on Linux', async () => {
    const platform = createPlatform({ ...options, os: 'linux' });
    expect(platform.network).toBeInstanceOf(LinuxNetworkConfigurator);
    expect(await platform.defaultMtuFor(null)).toBe(1420);
    expect(options.runner.calls).toEqual([]);
  });

  it.each(['darwin', 'win32'] as const)('refuses %s clearly', (os) => {
    expect(() => createPlatform({ ...options, os })).toThrow("Ferry's helper supports Linux only for now");
  });
});

describe('FakeNetworkConfigurator', () => {
  const plan: TunnelNetworkPlan = { interfaceName: 'ferry0', addresses: ['10.0.0.2/32'], mtuBytes: 1420, routes: [], fullTunnel: null, dns: null };

  it('records applied plans and can fail on request', async () => {
    const fake = new FakeNetworkConfigurator();
    expect(await fake.apply(plan)).toEqual({ ok: true, value: undefined });
    expect(fake.current).toEqual(plan);
    fake.failNextApply('no route');
    expect(await fake.apply(plan)).toEqual({ ok: false, error: { code: 'SYSTEM_ERROR', message: 'no route' } });
    expect(fake.appliedPlans).toHaveLength(2);
    expect(fake.current).toBeNull();
    await fake.revert();
    await fake.recover();
    expect([fake.revertCount, fake.recoverCount]).toEqual([1, 1]);
  });
});
