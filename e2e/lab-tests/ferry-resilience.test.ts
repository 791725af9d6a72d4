// Ferry's timers against wireguard-go: a handshake the server starts, a server restart, and a rekey under traffic.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { sleep } from '../lab/exec.js';
import { connectNewProfile, disconnectQuietly, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';

/** WireGuard (whitepaper §6.1): the initiator starts a new handshake once its session is this old. */
const REKEY_AFTER_TIME_MS = 120_000;
/** KEEPALIVE_TIMEOUT + REKEY_TIMEOUT: a sender that hears nothing back starts a new handshake after this long. */
const SILENT_PEER_REHANDSHAKE_MS = 15_000;
const CLIENT_LISTEN_PORT = 51_900;

describe('Ferry keeps the tunnel up', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'fresil' });
    await lab.startFerryd();
  });

  afterEach(async () => {
    await disconnectQuietly(lab);
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('answers a handshake that the server starts', async () => {
    const { profile } = await connectNewProfile(lab, 'responder', { listenPort: CLIENT_LISTEN_PORT });
    // A restarted server has no session; it knows the client's endpoint, so its own traffic makes it initiate.
    await lab.server.restart();
    expect((await lab.server.peer(profile.keys.publicKey))?.latestHandshakeSec).toBe(0);
    const counters = await NftCounters.install(lab.ns('server'), 'lab_server_initiates', {
      initiationsOut: { hook: 'out', match: `udp sport ${LAB.wireguardPort} udp length 156` },
      responsesIn: { hook: 'in', match: `udp dport ${LAB.wireguardPort} udp length 100` },
      initiationsIn: { hook: 'in', match: `udp dport ${LAB.wireguardPort} udp length 156` },
    });
    const pings = await lab.server.initiateTo(LAB.tunnel.clientV4, 5);
    const counted = await counters.read();
    console.log(`server-initiated handshake: ${JSON.stringify(counted)}; ${/\d+ received/.exec(pings.stdout)?.[0] ?? ''}`);
    expect(counted.initiationsOut).toBeGreaterThanOrEqual(1);
    expect(counted.responsesIn).toBeGreaterThanOrEqual(1);
    expect(counted.initiationsIn).toBe(0);
    expect(pings.stdout).toMatch(/\b[3-5] received/);
    expect((await lab.server.peer(profile.keys.publicKey))?.latestHandshakeSec).toBeGreaterThan(0);
    await counters.remove();
  });

  it('resumes traffic by itself after the server restarts with the same keys', async () => {
    await connectNewProfile(lab, 'restart');
    const monitor = lab.startPing('client', LAB.tunnel.serverV4, 0.1);
    expect(await monitor.firstReplyAfter(0, 5_000)).toBeDefined();
    await lab.server.restart();
    const restartedAtMs = Date.now();
    const reply = await monitor.firstReplyAfter(restartedAtMs, SILENT_PEER_REHANDSHAKE_MS + 25_000);
    const summary = await monitor.stop();
    const recoveryMs = reply === undefined ? Infinity : Math.round(reply.atMs - restartedAtMs);
    console.log(`traffic resumed ${recoveryMs} ms after the server restart (a wireguard-go client: ~15 s); ` +
      `${summary.sent} pings sent until the first answer after the restart`);
    expect(reply).toBeDefined();
    expect(recoveryMs).toBeLessThan(SILENT_PEER_REHANDSHAKE_MS + 5_000);
    expect((await ferryStatus(lab)).state).toBe('connected');
  });

  it('crosses REKEY_AFTER_TIME under a continuous ping: no gap over 1 s, and the server sees a new handshake', async () => {
    const { profile } = await connectNewProfile(lab, 'rekey');
    const firstHandshakeSec = (await lab.server.peer(profile.keys.publicKey))?.latestHandshakeSec ?? 0;
    expect(firstHandshakeSec).toBeGreaterThan(0);
    const monitor = lab.startPing('client', LAB.tunnel.serverV4, 0.1);
    await sleep(REKEY_AFTER_TIME_MS + 15_000); // real time on purpose: this is ferryd's real rekey timer
    const summary = await monitor.stop();
    const lastHandshakeSec = (await lab.server.peer(profile.keys.publicKey))?.latestHandshakeSec ?? 0;
    console.log(`rekey run: ${summary.received}/${summary.sent} replies, longest gap ${Math.round(summary.maxGapMs)} ms, ` +
      `server handshakes at +0 s and +${lastHandshakeSec - firstHandshakeSec} s`);
    expect(lastHandshakeSec - firstHandshakeSec).toBeGreaterThanOrEqual(REKEY_AFTER_TIME_MS / 1000 - 10);
    expect(summary.maxGapMs).toBeLessThanOrEqual(1_000);
    expect(summary.received).toBeGreaterThanOrEqual(summary.sent - 10);
  }, REKEY_AFTER_TIME_MS + 120_000);
});
