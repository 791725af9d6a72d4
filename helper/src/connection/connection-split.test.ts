// The connection manager and split tunnelling (issue 6): told of each tunnel after its routes, and of its end after the revert; the block carries the split mode.
import { describe, expect, it } from 'vitest';
import type { FirewallSplit } from '../platform/firewall.js';
import type { SplitTunnelConfig } from '../platform/split-tunnel.js';
import { profileConfig, settle, setupConnection } from './connection-test-setup.js';
import { samePolicy, withSplit } from './firewall-policy.js';

function fakeSplit(mode: FirewallSplit | null) {
  const events: string[] = [];
  let current = mode;
  return {
    events,
    setMode: (next: FirewallSplit | null) => (current = next),
    deps: {
      setTunnel: async (tunnel: SplitTunnelConfig['tunnel']) => void events.push(tunnel === null ? 'tunnel gone' : `tunnel ${tunnel.interfaceName} dns ${tunnel.dnsServers.join(',')}`),
      firewallSplit: () => current,
    },
  };
}

describe('ConnectionManager with split tunnelling', () => {
  it('hands the tunnel to split tunnelling once its routes are in place, and takes it back after they are reverted', async () => {
    const split = fakeSplit(null);
    const { manager, network } = setupConnection({ home: profileConfig(['0.0.0.0/0']) }, {}, { split: split.deps });
    const note = (event: string) => split.events.push(event);
    expect((await manager.connect('home')).ok).toBe(true);
    note(`applied ${network.appliedPlans.length}`);
    await manager.disconnect();
    note(`reverted ${network.revertCount}`);
    expect(split.events).toEqual(['tunnel ferry0 dns 10.66.0.1', 'applied 1', 'tunnel gone', 'reverted 1']);
  });

  it('puts the split mode into the block while a block is wanted, and only then', async () => {
    const split = fakeSplit({ mode: 'exclude' });
    const { manager, firewall } = setupConnection({ home: profileConfig(['0.0.0.0/0']) }, { killSwitch: 'on' }, { split: split.deps });
    await manager.connect('home');
    expect(firewall.current()?.split).toEqual({ mode: 'exclude' });
    split.setMode({ mode: 'include' });
    await manager.syncFirewall();
    expect(firewall.current()?.split).toEqual({ mode: 'include' });
    split.setMode(null);
    await manager.syncFirewall();
    await settle();
    expect(firewall.current()?.split).toBeUndefined();
    await manager.disconnect();
    expect(firewall.current()).toBeNull();
  });
});

describe('withSplit and samePolicy', () => {
  const policy = { reason: 'killSwitch' as const, tunnelInterface: 'ferry0', endpoints: [], fwmark: null, allowLan: false, tunnelsIpv6: true, dnsServers: [] };

  it('adds the split mode to a block, never makes a block out of nothing', () => {
    expect(withSplit(policy, { mode: 'exclude' })).toEqual({ ...policy, split: { mode: 'exclude' } });
    expect(withSplit(policy, null)).toBe(policy);
    expect(withSplit(null, { mode: 'include' })).toBeNull();
  });

  it('tells blocks apart by their split mode', () => {
    expect(samePolicy(policy, { ...policy, split: null })).toBe(true);
    expect(samePolicy({ ...policy, split: { mode: 'exclude' } }, { ...policy, split: { mode: 'exclude' } })).toBe(true);
    expect(samePolicy(policy, { ...policy, split: { mode: 'exclude' } })).toBe(false);
    expect(samePolicy({ ...policy, split: { mode: 'include' } }, { ...policy, split: { mode: 'exclude' } })).toBe(false);
  });
});
