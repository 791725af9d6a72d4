// Sanity of the network lab itself (no Ferry): topology, direct and tunnelled whoami, wireguard-go restart, cleanup.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB, endpointString } from '../lab/addressing.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';
import { isAlive } from '../lab/processes.js';
import { REFERENCE_LISTEN_PORT } from '../lab/reference-client.js';
import { listNamespaces } from '../lab/topology.js';

describe('the network lab', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'labtest' });
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('builds client, server and internet namespaces with a running wireguard-go server', async () => {
    const namespaces = await listNamespaces();
    for (const host of ['client', 'server', 'internet'] as const) expect(namespaces).toContain(lab.ns(host));
    expect(readFileSync(lab.resolvConfPath, 'utf8')).toBe(LAB.resolvConf);
    const shown = await lab.server.wgShow();
    expect(shown.publicKey).toBe(lab.server.publicKey);
    expect(shown.listenPort).toBe(LAB.wireguardPort);
    expect((await lab.ping('client', LAB.server.v4)).received).toBe(3);
    expect((await lab.ping('client', LAB.server.v6)).received).toBe(3);
  });

  it('direct path: whoami sees the client\'s own address over TCP and UDP, IPv4 and IPv6', async () => {
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.client.v4);
    expect(await lab.whoami('client', LAB.serviceV4, 'udp')).toBe(LAB.client.v4);
    expect(await lab.whoami('client', LAB.otherV6, 'tcp')).toBe(LAB.client.v6);
    expect(await lab.whoami('client', LAB.serviceV6, 'udp')).toBe(LAB.client.v6);
    expect(await lab.whoami('server', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
  });

  it('a reference wireguard-go client reaches the server through its tunnel; whoami sees the server', async () => {
    const counters = await NftCounters.install(lab.ns('server'), 'lab_test_counts', {
      initiationsIn: { hook: 'in', match: `udp dport ${LAB.wireguardPort} udp length 156` },
      responsesOut: { hook: 'out', match: `udp sport ${LAB.wireguardPort} udp length 100` },
    });
    const reference = await lab.addReferenceClient();
    expect((await lab.ping('reference', LAB.tunnel.serverV4)).received).toBe(3);
    expect((await lab.ping('reference', LAB.tunnel.serverV6)).received).toBe(3);
    expect(await lab.whoami('reference', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
    expect(await lab.whoami('reference', LAB.serviceV4, 'udp')).toBe(LAB.server.v4);
    expect(await lab.whoami('reference', LAB.serviceV6, 'tcp')).toBe(LAB.server.v6);
    const peer = await lab.server.peer(reference.wireguard.publicKey);
    expect(peer?.latestHandshakeSec).toBeGreaterThan(0);
    expect(peer?.endpoint).toBe(endpointString(LAB.reference.v4, REFERENCE_LISTEN_PORT));
    expect(await counters.read()).toMatchObject({ initiationsIn: 1, responsesOut: 1 });
    await counters.remove();
  });

  it('moves 2 MB each way through the reference tunnel with matching SHA-256', async () => {
    expect((await lab.tcpTransfer('reference', 'server', LAB.tunnel.serverV4, 'up', 2_000_000)).ok).toBe(true);
    expect((await lab.tcpTransfer('reference', 'server', LAB.tunnel.serverV6, 'down', 2_000_000)).ok).toBe(true);
  });

  it('restarts the server as a new process with the same keys; the server can start a handshake itself', async () => {
    const reference = await lab.addReferenceClient();
    await lab.server.setPeer({
      publicKey: reference.wireguard.publicKey,
      allowedIps: [`${LAB.tunnel.referenceV4}/32`, `${LAB.tunnel.referenceV6}/128`],
      endpoint: endpointString(LAB.reference.v4, REFERENCE_LISTEN_PORT),
    });
    const oldPid = lab.server.pid;
    await lab.server.restart();
    expect(lab.server.pid).not.toBe(oldPid);
    expect(isAlive(oldPid ?? -1)).toBe(false);
    expect((await lab.server.wgShow()).publicKey).toBe(lab.server.publicKey);
    expect((await lab.server.peer(reference.wireguard.publicKey))?.latestHandshakeSec).toBe(0);
    const pings = await lab.server.initiateTo(LAB.tunnel.referenceV4);
    expect(pings.stdout).toMatch(/[1-5] received/);
    expect((await lab.server.peer(reference.wireguard.publicKey))?.latestHandshakeSec).toBeGreaterThan(0);
  });

  it('measures how long wireguard-go takes to resume after a server restart (the baseline for Ferry)', async () => {
    const monitor = lab.startPing('reference', LAB.tunnel.serverV4, 0.2);
    await monitor.firstReplyAfter(0, 5_000);
    await lab.server.restart();
    const restartedAtMs = Date.now();
    const reply = await monitor.firstReplyAfter(restartedAtMs, 30_000);
    await monitor.stop();
    expect(reply).toBeDefined();
    const recoveryMs = (reply?.atMs ?? 0) - restartedAtMs;
    console.log(`wireguard-go client resumed ${Math.round(recoveryMs)} ms after the server restart`);
    expect(recoveryMs).toBeLessThan(20_000);
  });

  it('takes identical snapshots of an unchanged client namespace', async () => {
    const first = await lab.snapshotClientNetwork();
    const second = await lab.snapshotClientNetwork();
    expect(second).toEqual(first);
    expect(first.addresses).toContain(LAB.client.v4);
    expect(first.routes).toContain('default via 198.18.1.1');
    expect(first.resolvConf).toBe(LAB.resolvConf);
  });

  it('destroy removes namespaces, processes, sockets and files, and may be called twice', async () => {
    const other = await createLab({ name: 'labgone' });
    await other.addReferenceClient();
    const pids = other.processes.running().map((p) => p.pid);
    expect(pids.length).toBeGreaterThanOrEqual(3);
    await other.destroy();
    await other.destroy();
    const namespaces = await listNamespaces();
    for (const ns of [other.names.client, other.names.server, other.names.internet, other.names.reference]) {
      expect(namespaces).not.toContain(ns);
      expect(existsSync(`/etc/netns/${ns}`)).toBe(false);
    }
    expect(pids.filter(isAlive)).toEqual([]);
    expect(existsSync(`/var/run/wireguard/${other.names.serverWg}.sock`)).toBe(false);
    expect(existsSync(`/var/run/wireguard/${other.names.referenceWg}.sock`)).toBe(false);
    expect(existsSync(other.workDir)).toBe(false);
  });
});
