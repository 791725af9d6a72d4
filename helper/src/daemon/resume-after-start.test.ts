// ferryd's start-up: a block left by a crash is kept and the wanted connection restored, or it is cleaned up; lockdown comes first.
import { describe, expect, it } from 'vitest';
import { profileConfig, setupConnection } from '../connection/connection-test-setup.js';
import { MemoryWantedConnection } from '../connection/wanted-connection.fake.js';
import type { FirewallPolicy } from '../platform/firewall.js';
import { Logger } from '../log/logger.js';
import { FakeClock } from '../time/fake-clock.js';
import { resumeAfterStart } from './resume-after-start.js';

const LEFTOVER: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ferry0',
  endpoints: [{ address: '198.18.2.2', port: 51820 }],
  fwmark: 51820,
  allowLan: true,
  tunnelsIpv6: true,
  dnsServers: ['10.66.0.1'],
};
const logger = new Logger({ clock: new FakeClock(), sink: () => undefined });

function start(wantedProfile: string | null, leftBehind: FirewallPolicy | null, lockdown = false) {
  const setup = setupConnection({ home: profileConfig(['0.0.0.0/0', '::/0'], {}, 'vpn.example') }, { lockdown });
  setup.firewall.leftBehind = leftBehind;
  const wanted = new MemoryWantedConnection(wantedProfile);
  const resumed = resumeAfterStart({ connection: setup.manager, wanted, settings: () => setup.settings, logger });
  return { ...setup, wanted, resumed };
}

describe('resumeAfterStart', () => {
  it('restores the wanted connection under the leftover block, using its endpoint when DNS is blocked', async () => {
    const { resumed, firewall, network, manager, tunnels } = start('home', LEFTOVER);
    await resumed;
    expect(network.recoverCount).toBe(1);
    expect(firewall.history).toEqual([]); // the new block equals the leftover one: never lifted, not even rewritten
    expect(firewall.current()).toEqual(LEFTOVER);
    expect(tunnels.last.options.peers[0]?.endpoint).toEqual({ address: '198.18.2.2', port: 51820 });
    expect(manager.current()).toMatchObject({ state: 'connecting', profile: 'home', blockedBy: 'killSwitch' });
  });

  it('cleans up when the user had disconnected (no wanted connection)', async () => {
    const { resumed, firewall, manager, tunnels, wanted } = start(null, LEFTOVER);
    await resumed;
    expect(firewall.history).toEqual([null]);
    expect(tunnels.opened).toEqual([]);
    expect(manager.current()).toMatchObject({ state: 'disconnected', blockedBy: null });
    expect(await wanted.load()).toBeNull();
  });

  it('does not reconnect after a clean shutdown (no leftover block), and forgets the record', async () => {
    const { resumed, firewall, tunnels, wanted } = start('home', null);
    await resumed;
    expect(firewall.history).toEqual([]);
    expect(tunnels.opened).toEqual([]);
    expect(await wanted.load()).toBeNull();
  });

  it('applies lockdown before recovery, and keeps it when nothing is to be restored', async () => {
    const { resumed, firewall, network, manager } = start(null, null, true);
    const recoverCountAtLockdown: number[] = [];
    const set = firewall.set.bind(firewall);
    firewall.set = (policy) => {
      recoverCountAtLockdown.push(network.recoverCount);
      return set(policy);
    };
    await resumed;
    expect(firewall.current()).toMatchObject({ reason: 'lockdown', tunnelInterface: null });
    expect(manager.current().blockedBy).toBe('lockdown');
    expect(firewall.history).toHaveLength(1);
    expect(recoverCountAtLockdown).toEqual([0]); // in force before the network journal is even looked at
  });

  it('removes a leftover block whose wanted profile no longer exists', async () => {
    const { resumed, firewall, manager } = start('gone', LEFTOVER);
    await resumed;
    expect(firewall.current()).toBeNull();
    expect(manager.current().state).toBe('disconnected');
  });
});
