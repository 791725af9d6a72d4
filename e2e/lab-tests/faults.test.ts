// Faults with the kill switch on: an orderly SIGTERM restores everything, and a client that changes address rebinds by itself (timed).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { fullStatus, hasFerryTable, waitForStatus } from '../lab/block-flow.js';
import { MOVED, moveClient, prepareMove } from '../lab/client-moves.js';
import { sleep, waitFor } from '../lab/exec.js';
import { connectNewProfile, disconnectQuietly, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';

/** What "within a few seconds" means for a rebind: the route watcher polls every second. */
const REBIND_LIMIT_MS = 5_000;

describe('Ferry recovers from faults', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'ffault' });
    await lab.startFerryd();
  });

  afterEach(async () => {
    await disconnectQuietly(lab);
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('SIGTERM while connected with the kill switch: orderly disconnect, network exactly as before, no Ferry table, no reconnect on restart', async () => {
    const before = await lab.snapshotClientNetwork();
    await connectNewProfile(lab, 'term', { fullTunnel: true, ipv6: true, dns: [LAB.tunnel.serverV4] });
    expect(await hasFerryTable(lab)).toBe(true);
    expect(await lab.ferryd.stop()).toBe(0);
    expect(await lab.snapshotClientNetwork()).toEqual(before);
    await lab.startFerryd();
    expect(await fullStatus(lab)).toMatchObject({ state: 'disconnected', blockedBy: null });
    expect(await lab.snapshotClientNetwork()).toEqual(before);
  }, 60_000);

  it('rebinds by itself when the client moves to a new address and gateway, with traffic only from the server side', async () => {
    const { profile } = await connectNewProfile(lab, 'roam', { fullTunnel: true, ipv6: false });
    await prepareMove(lab);
    const endpointOf = async (): Promise<string> => (await lab.server.peer(profile.keys.publicKey))?.endpoint ?? '';
    expect(await endpointOf()).toMatch(new RegExp(`^${LAB.client.v4.replaceAll('.', '\\.')}:`));
    const results: string[] = [];
    for (const [from, to] of [[LAB.client, MOVED], [MOVED, LAB.client]] as const) {
      // The server pings the client: replies need the server to know where the client now is (a roaming handshake).
      const monitor = lab.startPing('server', LAB.tunnel.clientV4, 0.1);
      expect(await monitor.firstReplyAfter(Date.now(), 5_000)).toBeDefined();
      const movedAtMs = Date.now();
      await moveClient(lab, from, to);
      const endpoint = await waitFor('the server to see the new client address', async () => {
        const seen = await endpointOf();
        return seen.startsWith(`${to.v4}:`) ? Date.now() : undefined;
      }, 30_000, 50);
      const reply = await monitor.firstReplyAfter(movedAtMs + 10, 30_000);
      await monitor.stop();
      const endpointMs = endpoint - movedAtMs;
      const trafficMs = reply === undefined ? Infinity : Math.round(reply.atMs - movedAtMs);
      results.push(`${from.v4} → ${to.v4}: server endpoint updated after ${endpointMs} ms, tunnel traffic back after ${trafficMs} ms`);
      expect(trafficMs).toBeLessThan(REBIND_LIMIT_MS);
      expect((await ferryStatus(lab)).state).toBe('connected');
    }
    console.log(`endpoint rebind (route watcher polls every 1 s; no keepalive, no client traffic):\n  ${results.join('\n  ')}`);
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
  }, 120_000);

  it('goes to reconnecting with traffic blocked while the server is gone, and back by itself when it returns', async () => {
    await connectNewProfile(lab, 'outage', { fullTunnel: true, ipv6: false });
    const monitor = lab.startPing('client', LAB.serviceV4, 0.2);
    await lab.server.stop();
    const stoppedAtMs = Date.now();
    const reconnecting = await waitForStatus(lab, 'reconnecting', (status) => status.state === 'reconnecting', 60_000);
    expect(reconnecting.blockedBy).toBe('killSwitch');
    expect(await hasFerryTable(lab)).toBe(true);
    await sleep(1_000);
    const backAtMs = Date.now();
    await lab.server.start();
    const reply = await monitor.firstReplyAfter(backAtMs, 30_000);
    await monitor.stop();
    console.log(`server outage: reconnecting after ${Math.round((Date.parse(reconnecting.since) - stoppedAtMs) / 100) / 10} s; ` +
      `traffic back ${reply === undefined ? 'never' : `${Math.round(reply.atMs - backAtMs)} ms`} after the server returned`);
    expect(reply).toBeDefined();
    await waitForStatus(lab, 'connected', (status) => status.state === 'connected', 10_000);
  }, 120_000);
});
