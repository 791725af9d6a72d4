// Lockdown mode against the wire (nothing leaves while disconnected, across ferryd restarts; off again, all flows), and the kill switch turned off.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { BackgroundTraffic, LEAK_TARGETS } from '../lab/background-traffic.js';
import { fullStatus, hasFerryTable, setSetting, waitForFerryTable } from '../lab/block-flow.js';
import { sleep } from '../lab/exec.js';
import { connectNewProfile, disconnect, disconnectQuietly, ferryOk, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { delta, leaked, LeakJudge, type JudgeSample } from '../lab/leak-judge.js';

/** ferryd stopped by SIGTERM and started, then killed by SIGKILL and started: lockdown holds after each start. */
async function restartFerrydTwice(lab: Lab): Promise<void> {
  expect(await lab.ferryd.stop()).toBe(0);
  await sleep(1_000);
  await lab.startFerryd();
  expect(await fullStatus(lab)).toMatchObject({ state: 'disconnected', blockedBy: 'lockdown' });
  await lab.ferryd.kill9();
  await sleep(1_000);
  await lab.startFerryd();
  expect(await fullStatus(lab)).toMatchObject({ state: 'disconnected', blockedBy: 'lockdown' });
}

describe('Ferry\'s lockdown mode', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'flock' });
    await lab.startFerryd();
    await setSetting(lab, 'allowLan', 'false');
  });

  afterEach(async () => {
    await disconnectQuietly(lab);
    await setSetting(lab, 'lockdown', 'false');
    await setSetting(lab, 'killSwitch', 'auto');
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('lets nothing out while disconnected, through a SIGTERM and a SIGKILL restart of ferryd; off again, traffic flows and the table is gone', async () => {
    await setSetting(lab, 'lockdown', 'true');
    await waitForFerryTable(lab, true);
    const status = await fullStatus(lab);
    expect(status).toMatchObject({ state: 'disconnected', blockedBy: 'lockdown' });
    expect(await ferryOk(lab, ['status'])).toMatch(/blocked by: lockdown mode[\s\S]*blocked since: /);
    const judge = await LeakJudge.install(lab.ns('client'));
    const traffic = await BackgroundTraffic.start(lab);
    judge.startSampling();
    await sleep(2_000);
    await restartFerrydTwice(lab);
    await sleep(1_000);
    const samples = await judge.stopSampling();
    const first = samples[0] as JudgeSample;
    const last = samples[samples.length - 1] as JudgeSample;
    const counts = delta(first, last);

    await setSetting(lab, 'lockdown', 'false');
    await waitForFerryTable(lab, false);
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.client.v4);
    await sleep(500);
    const unblocked = await judge.sample();
    const report = await traffic.stop();
    await judge.remove();
    console.log(
      `lockdown: ${samples.length} samples over ${Math.round((last.atMs - first.atMs) / 100) / 10} s (SIGTERM + restart, SIGKILL + restart): ` +
        `leaked ${leaked(last) - leaked(first)}, allowed ${JSON.stringify({ ferry_udp: counts.ferry_udp, link: counts.link, lan: counts.lan })}; ` +
        `after lockdown off: ${leaked(unblocked) - leaked(last)} packets flowed; sender attempts ${JSON.stringify(report.attempts)}`,
    );
    expect(samples.every((sample) => sample.ferryTable)).toBe(true);
    expect(leaked(last) - leaked(first)).toBe(0);
    expect(counts.ferry_udp).toBe(0);
    for (const target of LEAK_TARGETS) expect(report.attempts[target] ?? 0).toBeGreaterThan(50);
    expect(leaked(unblocked) - leaked(last)).toBeGreaterThan(0);
    expect(await hasFerryTable(lab)).toBe(false);
    expect(await fullStatus(lab)).toMatchObject({ blockedBy: null, blockedSince: null });
  }, 120_000);

  it('connects through the tunnel under lockdown, and stays blocked after the disconnect', async () => {
    await setSetting(lab, 'lockdown', 'true');
    await connectNewProfile(lab, 'locked', { fullTunnel: true, dns: [LAB.tunnel.serverV4] });
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
    expect(await fullStatus(lab)).toMatchObject({ state: 'connected', blockedBy: 'lockdown' });
    await disconnect(lab);
    expect(await fullStatus(lab)).toMatchObject({ state: 'disconnected', blockedBy: 'lockdown' });
    expect(await hasFerryTable(lab)).toBe(true);
    expect((await lab.ping('client', LAB.serviceV4, 2)).received).toBe(0);
    await setSetting(lab, 'lockdown', 'false');
    await waitForFerryTable(lab, false);
    expect((await lab.ping('client', LAB.serviceV4, 2)).received).toBe(2);
  }, 60_000);
});

describe('Ferry with the kill switch off', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'fkoff' });
    await lab.startFerryd();
  });

  afterAll(async () => {
    await disconnectQuietly(lab);
    await lab?.destroy();
  });

  it('adds no Ferry table while connected, and disconnect restores everything exactly', async () => {
    await setSetting(lab, 'killSwitch', 'off');
    const before = await lab.snapshotClientNetwork();
    await connectNewProfile(lab, 'open', { fullTunnel: true, ipv6: true, dns: [LAB.tunnel.serverV4] });
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
    expect(await hasFerryTable(lab)).toBe(false);
    expect(await fullStatus(lab)).toMatchObject({ state: 'connected', blockedBy: null });
    await disconnect(lab);
    expect(await lab.snapshotClientNetwork()).toEqual(before);
    expect((await ferryStatus(lab)).state).toBe('disconnected');
  }, 60_000);
});
