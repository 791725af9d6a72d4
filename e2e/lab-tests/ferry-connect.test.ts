// Ferry (ferryd + CLI) against wireguard-go: handshake, ping and TCP both ways, IPv4/IPv6 inside, IPv6 endpoint, PSK, keepalive.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { sleep, waitFor } from '../lab/exec.js';
import { connectNewProfile, disconnectQuietly, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';

const TRANSFER_BYTES = 5_000_000;

describe('Ferry connects to a wireguard-go server', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'fconn' });
    await lab.startFerryd();
  });

  afterEach(async () => {
    await disconnectQuietly(lab);
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('completes the handshake on `ferry connect --wait`, seen by ferry status and by wg show on the server', async () => {
    const startedSec = Math.floor(Date.now() / 1000);
    const { profile, status } = await connectNewProfile(lab, 'basic');
    expect(status.state).toBe('connected');
    expect(status.profile).toBe('basic');
    const handshaken = await waitFor('lastHandshakeAt', async () => (await ferryStatus(lab)).lastHandshakeAt ?? undefined, 5_000);
    expect(Date.parse(handshaken)).toBeGreaterThanOrEqual((startedSec - 1) * 1000);
    const peer = await lab.server.peer(profile.keys.publicKey);
    expect(peer?.latestHandshakeSec).toBeGreaterThanOrEqual(startedSec - 1);
    expect(peer?.endpoint).toMatch(new RegExp(`^${LAB.client.v4.replaceAll('.', '\\.')}:\\d+$`));
  });

  it('carries ping both ways over IPv4 and IPv6 inside the tunnel', async () => {
    await connectNewProfile(lab, 'pings');
    expect((await lab.ping('client', LAB.tunnel.serverV4, 5)).received).toBe(5);
    expect((await lab.ping('client', LAB.tunnel.serverV6, 5)).received).toBe(5);
    expect((await lab.ping('server', LAB.tunnel.clientV4, 5)).received).toBe(5);
    expect((await lab.ping('server', LAB.tunnel.clientV6, 5)).received).toBe(5);
  });

  it('moves 5 MB each way over TCP, IPv4 and IPv6, with matching SHA-256, and counts the bytes', async () => {
    await connectNewProfile(lab, 'transfer');
    const results = [
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV4, 'up', TRANSFER_BYTES),
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV4, 'down', TRANSFER_BYTES),
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV6, 'up', TRANSFER_BYTES),
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV6, 'down', TRANSFER_BYTES),
    ];
    console.log(`5 MB transfers (v4 up, v4 down, v6 up, v6 down): ${results.map((r) => `${r.ms} ms`).join(', ')}`);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const status = await ferryStatus(lab);
    expect(status.txBytes).toBeGreaterThanOrEqual(2 * TRANSFER_BYTES);
    expect(status.rxBytes).toBeGreaterThanOrEqual(2 * TRANSFER_BYTES);
  });

  it('connects to an IPv6 endpoint', async () => {
    const { profile } = await connectNewProfile(lab, 'v6endpoint', { endpoint: 'v6' });
    expect((await lab.ping('client', LAB.tunnel.serverV4, 3)).received).toBe(3);
    expect((await lab.ping('client', LAB.tunnel.serverV6, 3)).received).toBe(3);
    const peer = await lab.server.peer(profile.keys.publicKey);
    expect(peer?.endpoint).toMatch(new RegExp(`^\\[${LAB.client.v6}\\]:\\d+$`));
  });

  it('uses a PresharedKey that the server shares', async () => {
    const { profile } = await connectNewProfile(lab, 'psk', { psk: true });
    expect((await lab.ping('client', LAB.tunnel.serverV4, 3)).received).toBe(3);
    const peer = await lab.server.peer(profile.keys.publicKey);
    expect(peer?.presharedKey).toBe(profile.presharedKey);
    expect(peer?.latestHandshakeSec).toBeGreaterThan(0);
  });

  it('sends PersistentKeepalive packets the server sees while the client sends nothing else', async () => {
    // A keepalive is an empty transport message: 32 bytes of UDP payload, 40 with the UDP header.
    const counters = await NftCounters.install(lab.ns('server'), 'lab_keepalive', {
      keepalivesIn: { hook: 'in', match: `udp dport ${LAB.wireguardPort} udp length 40` },
    });
    // The latency probe is traffic too, and traffic postpones persistent keepalives: turn it off for this test.
    await lab.ferry(['settings', 'set', 'latencyProbeTarget', 'off']);
    const { profile } = await connectNewProfile(lab, 'keepalive', { persistentKeepaliveSec: 1 });
    const before = (await counters.read()).keepalivesIn ?? 0;
    const rxBefore = (await lab.server.peer(profile.keys.publicKey))?.rxBytes ?? 0;
    await sleep(6_000); // real time on purpose: the keepalives come from ferryd's real timers
    const keepalives = ((await counters.read()).keepalivesIn ?? 0) - before;
    const peer = await lab.server.peer(profile.keys.publicKey);
    console.log(`keepalives seen by the server in 6 s with PersistentKeepalive = 1: ${keepalives}`);
    expect(keepalives).toBeGreaterThanOrEqual(4);
    expect(peer?.latestHandshakeSec).toBeGreaterThan(0);
    expect((peer?.rxBytes ?? 0) - rxBefore).toBeGreaterThanOrEqual(4 * 32);
    await counters.remove();
    await lab.ferry(['settings', 'set', 'latencyProbeTarget', 'null']);
  });
});
