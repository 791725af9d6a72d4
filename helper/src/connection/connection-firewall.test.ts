// The connection manager keeps the kill switch / lockdown block through every transition (issue 4), on fakes.
import { describe, expect, it } from 'vitest';
import type { FirewallPolicy } from '../platform/firewall.js';
import { KEY_B, profileConfig, settle, setupConnection } from './connection-test-setup.js';

const FULL = ['0.0.0.0/0', '::/0'];
const SPLIT = ['10.66.0.0/24'];

const KILL_SWITCH: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ferry0',
  endpoints: [{ address: '198.18.2.2', port: 51820 }],
  fwmark: 51820,
  allowLan: true,
  tunnelsIpv6: true,
  dnsServers: ['10.66.0.1'],
};

describe('ConnectionManager with a kill switch', () => {
  it('installs the block before the tunnel opens, the network changes and the first handshake', async () => {
    const setup = setupConnection({ all: profileConfig(FULL) });
    const seenAtSet: { tunnels: number; plans: number }[] = [];
    const set = setup.firewall.set.bind(setup.firewall);
    setup.firewall.set = (policy) => {
      seenAtSet.push({ tunnels: setup.tunnels.opened.length, plans: setup.network.appliedPlans.length });
      return set(policy);
    };
    expect(await setup.manager.connect('all')).toMatchObject({ ok: true });
    expect(setup.firewall.history).toEqual([KILL_SWITCH]);
    expect(seenAtSet).toEqual([{ tunnels: 0, plans: 0 }]);
    expect(setup.tunnels.last.handshakeRequests).toBe(1);
    expect(setup.manager.current()).toMatchObject({ state: 'connecting', blockedBy: 'killSwitch', blockedSince: '2026-01-01T00:00:00.000Z' });
  });

  it('enters error with no tunnel when the block cannot be installed', async () => {
    const { manager, firewall, tunnels, network } = setupConnection({ all: profileConfig(FULL) });
    firewall.failNextSet('nft: Operation not permitted');
    const result = await manager.connect('all');
    expect(result).toMatchObject({ ok: false, error: { code: 'SYSTEM_ERROR' } });
    expect(tunnels.opened).toEqual([]);
    expect(network.appliedPlans).toEqual([]);
    expect(manager.current()).toMatchObject({ state: 'error', blockedBy: null });
  });

  it('keeps the block through disconnecting (routes revert under it) and lifts it once disconnected', async () => {
    const { manager, firewall, network, tunnels, statuses } = setupConnection({ all: profileConfig(FULL) });
    await manager.connect('all');
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    let blockDuringRevert: FirewallPolicy | null = null;
    const revert = network.revert.bind(network);
    network.revert = () => {
      blockDuringRevert = firewall.current();
      return revert();
    };
    await manager.disconnect();
    expect(blockDuringRevert).toEqual(KILL_SWITCH);
    expect(firewall.history).toEqual([KILL_SWITCH, null]);
    expect(manager.current()).toMatchObject({ state: 'disconnected', blockedBy: null, blockedSince: null });
    expect(statuses.find((status) => status.state === 'disconnecting')?.blockedBy).toBe('killSwitch');
  });

  it('switches profiles without lifting the block in between', async () => {
    const { manager, firewall, tunnels } = setupConnection({ a: profileConfig(FULL), b: profileConfig(FULL, {}, '198.18.9.9') });
    await manager.connect('a');
    await manager.connect('b');
    expect(tunnels.opened[0]?.closed).toBe(true);
    expect(firewall.history).toEqual([KILL_SWITCH, { ...KILL_SWITCH, endpoints: [{ address: '198.18.9.9', port: 51820 }] }]);
  });

  it('keeps the block through reconnecting and in error; disconnecting lifts it', async () => {
    const { manager, firewall, tunnels } = setupConnection({ all: profileConfig(FULL) });
    await manager.connect('all');
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    tunnels.last.emit({ type: 'handshake-initiated', peer: KEY_B, attempt: 3 });
    expect(manager.current()).toMatchObject({ state: 'reconnecting', blockedBy: 'killSwitch' });
    expect(firewall.history).toEqual([KILL_SWITCH]);

    const failing = setupConnection({ all: profileConfig(FULL) });
    failing.network.failNextApply('ip: no such device');
    await failing.manager.connect('all');
    expect(failing.manager.current()).toMatchObject({ state: 'error', blockedBy: 'killSwitch' });
    await failing.manager.disconnect();
    expect(failing.firewall.current()).toBeNull();
  });

  it('lets a roamed endpoint through', async () => {
    const { manager, firewall, tunnels } = setupConnection({ all: profileConfig(FULL) });
    await manager.connect('all');
    tunnels.last.emit({ type: 'endpoint-changed', peer: KEY_B, endpoint: { address: '198.18.7.7', port: 4500 } });
    await settle();
    expect(firewall.current()?.endpoints).toEqual([{ address: '198.18.7.7', port: 4500 }]);
  });

  it('follows the settings: kill switch off lifts the block, allowLan changes it, lockdown holds it when disconnected', async () => {
    const { manager, firewall, settings } = setupConnection({ all: profileConfig(FULL), split: profileConfig(SPLIT) });
    await manager.connect('split');
    expect(firewall.current()).toBeNull();
    settings.killSwitch = 'on';
    await manager.syncFirewall();
    expect(firewall.current()).toMatchObject({ reason: 'killSwitch', fwmark: 51820, endpoints: [{ address: '198.18.2.2', port: 51820 }] });
    settings.allowLan = false;
    await manager.syncFirewall();
    expect(firewall.current()?.allowLan).toBe(false);
    settings.killSwitch = 'off';
    await manager.syncFirewall();
    expect(firewall.current()).toBeNull();
    settings.lockdown = true;
    await manager.disconnect();
    expect(firewall.current()).toMatchObject({ reason: 'lockdown', tunnelInterface: null, endpoints: [] });
    expect(manager.current()).toMatchObject({ state: 'disconnected', blockedBy: 'lockdown' });
  });

  it('does not rewrite an unchanged block on every state change', async () => {
    const { manager, firewall, tunnels } = setupConnection({ all: profileConfig(FULL) });
    await manager.connect('all');
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    await manager.syncFirewall();
    await manager.syncFirewall();
    expect(firewall.history).toHaveLength(1);
  });

  it('rehandshakes when the route to the endpoint changes, and stops watching on disconnect', async () => {
    const { manager, tunnels, watches } = setupConnection({ all: profileConfig(FULL) });
    await manager.connect('all');
    expect(watches).toHaveLength(1);
    expect(watches[0]?.targets).toEqual([{ address: '198.18.2.2', fwmark: 51820 }]);
    watches[0]?.change('198.18.2.2: dev eth0 src 198.18.1.2 → dev eth0 src 198.18.4.2');
    expect(tunnels.last.keepaliveRequests).toBe(1);
    expect(tunnels.last.handshakeRequests).toBe(2);
    await manager.disconnect();
    watches[0]?.change('after the disconnect');
    expect(tunnels.last.keepaliveRequests).toBe(1);
    expect(watches[0]?.stopped).toBe(true);
  });

  it('falls back to known endpoint addresses when a host does not resolve (a leftover block drops DNS)', async () => {
    const { manager, tunnels, hosts } = setupConnection({ named: profileConfig(FULL, {}, 'vpn.example') });
    expect(await manager.connect('named')).toMatchObject({ ok: false, error: { code: 'CONNECT_FAILED' } });
    const fallbackEndpoints = [{ address: '198.18.2.2', port: 51820 }];
    expect(await manager.connect('named', { fallbackEndpoints })).toMatchObject({ ok: true });
    expect(tunnels.last.options.peers[0]?.endpoint).toEqual({ address: '198.18.2.2', port: 51820 });
    hosts['vpn.example'] = '198.18.5.5';
    await manager.disconnect();
    await manager.connect('named', { fallbackEndpoints });
    expect(tunnels.last.options.peers[0]?.endpoint).toEqual({ address: '198.18.5.5', port: 51820 });
  });
});
