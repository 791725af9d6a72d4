// The connection manager's states, plans and teardown on fakes (the firewall's part is in connection-firewall.test.ts).
import { describe, expect, it } from 'vitest';
import { KEY_B, profileConfig, setupConnection as setup } from './connection-test-setup.js';

describe('ConnectionManager', () => {
  it('connects a split tunnel: routes for AllowedIPs, no policy routing, handshake started', async () => {
    const { manager, network, tunnels, states } = setup({ work: profileConfig(['10.66.0.0/24', '198.18.0.1/32']) });
    const result = await manager.connect('work');
    expect(result.ok).toBe(true);
    expect(network.current).toMatchObject({
      interfaceName: 'ferry0',
      addresses: ['10.66.0.2/32', 'fd66::2/128'],
      mtuBytes: 1420,
      routes: ['198.18.0.1/32', '10.66.0.0/24'],
      fullTunnel: null,
      dns: { servers: ['10.66.0.1'], search: [] },
    });
    // The socket is marked even without policy routing: a kill switch turned on later lets it out by that mark.
    expect(tunnels.last.options.fwmark).toBe(51820);
    expect(tunnels.last.started).toBe(true);
    expect(tunnels.last.handshakeRequests).toBe(1);
    expect(states).toEqual(['connecting']);
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    expect(manager.current()).toMatchObject({ state: 'connected', profile: 'work', endpoint: '198.18.2.2:51820' });
  });

  it('routes everything the wg-quick way for a full tunnel, with the mark on the socket', async () => {
    const { manager, network, tunnels } = setup({ all: profileConfig(['0.0.0.0/0', '::/0']) });
    await manager.connect('all');
    expect(network.current?.fullTunnel).toEqual({ ipv4: true, ipv6: true, fwmark: 51820, table: 51820 });
    expect(network.current?.routes).toEqual([]);
    expect(tunnels.last.options.fwmark).toBe(51820);
  });

  it('keeps a server named by host name out of the routes that would hold it, by its resolved address', async () => {
    const { manager, network, hosts } = setup({ work: profileConfig(['10.66.0.0/24', '198.18.2.0/30'], {}, 'vpn.example.test') });
    hosts['vpn.example.test'] = '198.18.2.2';
    expect((await manager.connect('work')).ok).toBe(true);
    expect(network.current?.routes).toEqual(['198.18.2.3/32', '198.18.2.0/31', '10.66.0.0/24']);
  });

  it('uses the profile FwMark as mark and table when it has one', async () => {
    const { manager, network } = setup({ all: profileConfig(['0.0.0.0/0'], { fwMark: 1234 }) });
    await manager.connect('all');
    expect(network.current?.fullTunnel).toEqual({ ipv4: true, ipv6: false, fwmark: 1234, table: 1234 });
  });

  it('waits for the handshake with --wait and reports a timeout when none comes', async () => {
    const { manager, tunnels } = setup({ work: profileConfig(['10.66.0.0/24']) });
    const pending = manager.connect('work', { wait: true, timeoutMs: 5_000 });
    await new Promise((resolve) => setImmediate(resolve));
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    expect(await pending).toMatchObject({ ok: true, value: { state: 'connected' } });

    const other = setup({ work: profileConfig(['10.66.0.0/24']) });
    const timedOut = await other.manager.connect('work', { wait: true, timeoutMs: 20 });
    expect(timedOut).toMatchObject({ ok: false, error: { code: 'HANDSHAKE_TIMEOUT' } });
    expect(other.manager.current().state).toBe('connecting');
  });

  it('reports an unknown profile without touching the system', async () => {
    const { manager, network, tunnels } = setup({});
    expect(await manager.connect('nope')).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    expect(network.appliedPlans).toEqual([]);
    expect(tunnels.opened).toEqual([]);
  });

  it('refuses a draft profile (no peer yet) without touching the system', async () => {
    const draft = profileConfig(['10.66.0.0/24']);
    draft.peers = [];
    const { manager, network, tunnels } = setup({ draft });
    const result = await manager.connect('draft');
    expect(result).toMatchObject({ ok: false, error: { code: 'PROFILE_INVALID' } });
    expect(result.ok === false && result.error.message).toMatch(/peer/i);
    expect(network.appliedPlans).toEqual([]);
    expect(tunnels.opened).toEqual([]);
    expect(manager.current().state).toBe('disconnected');
  });

  it('closes the tunnel and enters error when the system cannot be configured', async () => {
    const { manager, network, tunnels } = setup({ work: profileConfig(['10.66.0.0/24']) });
    network.failNextApply('ip: permission denied');
    const result = await manager.connect('work');
    expect(result).toMatchObject({ ok: false, error: { code: 'SYSTEM_ERROR', message: 'ip: permission denied' } });
    expect(tunnels.last.closed).toBe(true);
    expect(manager.current()).toMatchObject({ state: 'error', error: { code: 'SYSTEM_ERROR' } });
  });

  it('enters error with the reason when the tunnel device cannot be opened', async () => {
    const { manager, network, tunnels } = setup({ work: profileConfig(['10.66.0.0/24']) });
    tunnels.failWith = new Error('TUNSETIFF: Operation not permitted');
    const result = await manager.connect('work');
    expect(result).toMatchObject({ ok: false, error: { code: 'CONNECT_FAILED' } });
    expect(manager.current().error?.message).toMatch(/Operation not permitted/);
    expect(network.appliedPlans).toEqual([]);
  });

  it('disconnects: network reverted before the tunnel closes, state back to disconnected', async () => {
    const { manager, network, tunnels, states } = setup({ work: profileConfig(['10.66.0.0/24']) });
    await manager.connect('work');
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    await manager.disconnect();
    expect(network.current).toBeNull();
    expect(network.revertCount).toBe(1);
    expect(tunnels.last.closed).toBe(true);
    expect(states).toEqual(['connecting', 'connected', 'disconnecting', 'disconnected']);
    expect(manager.current()).toMatchObject({ state: 'disconnected', profile: null, addresses: [] });
  });

  it('switches profiles by tearing the first tunnel down', async () => {
    const { manager, tunnels, network } = setup({ a: profileConfig(['10.66.0.0/24']), b: profileConfig(['10.77.0.0/24']) });
    await manager.connect('a');
    await manager.connect('b');
    expect(tunnels.opened).toHaveLength(2);
    expect(tunnels.opened[0]!.closed).toBe(true);
    expect(network.current?.routes).toEqual(['10.77.0.0/24']);
    expect(manager.current().profile).toBe('b');
  });

  it('restarts the tunnel of the profile already up only when asked, keeping the block and never passing disconnected', async () => {
    const profiles = { work: profileConfig(['10.66.0.0/24']) };
    const { manager, tunnels, network, firewall, states } = setup(profiles, { killSwitch: 'on' });
    await manager.connect('work');
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    profiles.work = profileConfig(['10.66.0.0/24', '198.18.0.0/24']);
    // Without restart, a connect to the profile that is up changes nothing (the edit waits).
    expect(await manager.connect('work')).toMatchObject({ ok: true, value: { state: 'connected' } });
    expect(tunnels.opened).toHaveLength(1);

    const blocksBefore = firewall.history.length;
    expect(await manager.connect('work', { restart: true })).toMatchObject({ ok: true, value: { state: 'connecting', profile: 'work' } });
    expect(tunnels.opened).toHaveLength(2);
    expect(tunnels.opened[0]!.closed).toBe(true);
    expect(tunnels.last.handshakeRequests).toBe(1);
    expect(network.current?.routes).toEqual(['10.66.0.0/24', '198.18.0.0/24']);
    tunnels.last.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    expect(states).toEqual(['connecting', 'connected', 'disconnecting', 'connecting', 'connected']);
    // The block was replaced, never lifted.
    expect(firewall.history.slice(blocksBefore)).not.toContain(null);
    expect(firewall.history.at(-1)).not.toBeNull();
  });

  it('restart from disconnected is an ordinary connect', async () => {
    const { manager, tunnels, states } = setup({ work: profileConfig(['10.66.0.0/24']) });
    expect((await manager.connect('work', { restart: true })).ok).toBe(true);
    expect(tunnels.opened).toHaveLength(1);
    expect(states).toEqual(['connecting']);
  });

  it('goes to reconnecting when handshakes go unanswered and back when one completes', async () => {
    const { manager, tunnels } = setup({ work: profileConfig(['10.66.0.0/24']) });
    await manager.connect('work');
    const tunnel = tunnels.last;
    tunnel.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    tunnel.emit({ type: 'handshake-initiated', peer: KEY_B, attempt: 1 });
    expect(manager.current().state).toBe('connected');
    tunnel.emit({ type: 'handshake-initiated', peer: KEY_B, attempt: 3 });
    expect(manager.current().state).toBe('reconnecting');
    tunnel.emit({ type: 'handshake-failed', peer: KEY_B, reason: 'no answer' });
    expect(tunnel.handshakeRequests).toBe(2);
    tunnel.emit({ type: 'handshake-complete', peer: KEY_B, role: 'initiator' });
    expect(manager.current().state).toBe('connected');
  });

  it('reports traffic from the tunnel counters in status', async () => {
    const { manager, tunnels } = setup({ work: profileConfig(['10.66.0.0/24']) });
    await manager.connect('work');
    tunnels.last.peerStats = [
      { publicKey: KEY_B, rxBytes: 1000, txBytes: 500, rxPackets: 10, txPackets: 5, lastHandshakeWallMs: Date.UTC(2026, 0, 1), handshakeRttMs: 1 },
    ];
    const sample = manager.statsNow();
    expect(sample).toMatchObject({ rxBytes: 1000, txBytes: 500, rxPackets: 10, txPackets: 5 });
    expect(manager.current()).toMatchObject({ rxBytes: 1000, txBytes: 500 });
    expect(manager.current().lastHandshakeAt).not.toBeNull();
    await manager.disconnect();
  });
});
