// The kill switch against the wire: nothing but Ferry's own UDP leaves the client's uplink through every transition; Allow LAN; DNS leak protection.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { BackgroundTraffic, LEAK_TARGETS, OUTSIDE_RESOLVER, type TrafficReport } from '../lab/background-traffic.js';
import { ferryDropCounters, fullStatus, hasFerryTable, setSetting, waitForStatus } from '../lab/block-flow.js';
import { addLan, LAN } from '../lab/client-moves.js';
import { runIn, sleep, waitFor } from '../lab/exec.js';
import { connect, connectNewProfile, disconnect, disconnectQuietly, ferryOk, importProfile, waitForState } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { delta, leaked, LeakJudge, protectedWindow, type JudgeSample, type ProtectedWindow } from '../lab/leak-judge.js';
import { NftCounters } from '../lab/nft-counters.js';
import { spawnTool } from '../lab/lab-topology.js';

/** Full tunnel for IPv4 only: IPv6 must then be blocked outright, and the sender tries it all the time. */
const FULL_V4 = { fullTunnel: true, ipv6: false, dns: [LAB.tunnel.serverV4] };

/** Per phase, inside the protected window only (before the table appears and after it goes, traffic is not Ferry's to block). */
function phaseReport(samples: JudgeSample[], marks: [string, number][], window: ProtectedWindow): string {
  const clip = (index: number): number => Math.min(Math.max(index, window.firstIndex), window.lastIndex);
  return marks
    .map(([phase, index], i) => {
      const from = samples[clip(index)] as JudgeSample;
      const to = samples[clip(marks[i + 1]?.[1] ?? window.lastIndex)] as JudgeSample;
      const counts = delta(from, to);
      return `${phase}: leaked ${leaked(to) - leaked(from)}, Ferry UDP ${counts.ferry_udp}, ${Math.round((to.atMs - from.atMs) / 100) / 10} s`;
    })
    .join('\n  ');
}

/** The transitions of the leak test, each announced to `mark` before it starts. */
async function walkThroughTransitions(lab: Lab, mark: (phase: string) => void): Promise<void> {
  mark('connect');
  expect((await connect(lab, 'ks-a')).state).toBe('connected');
  expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
  const protectedStatus = await fullStatus(lab);
  expect(protectedStatus).toMatchObject({ blockedBy: 'killSwitch' });
  expect(protectedStatus.blockedSince).not.toBeNull();
  expect(await ferryOk(lab, ['status'])).toMatch(/blocked by: kill switch[\s\S]*blocked since: /);
  mark('switch profile');
  await importProfile(lab, 'ks-b', await lab.makeClientProfile(FULL_V4)); // the server now knows only ks-b
  expect((await connect(lab, 'ks-b')).state).toBe('connected');
  mark('server down');
  await lab.server.stop();
  expect((await waitForStatus(lab, 'reconnecting', (status) => status.state === 'reconnecting', 60_000)).blockedBy).toBe('killSwitch');
  mark('server back');
  await lab.server.start();
  await waitForState(lab, 'connected', 30_000);
  mark('ferryd SIGKILL');
  await lab.ferryd.kill9();
  await sleep(2_000);
  expect(await hasFerryTable(lab)).toBe(true);
  mark('ferryd restart');
  await lab.startFerryd();
  await waitForState(lab, 'connected', 30_000);
  expect((await fullStatus(lab)).profile).toBe('ks-b');
  mark('disconnect');
  await disconnect(lab);
}

function describeRun(samples: JudgeSample[], marks: [string, number][], window: ProtectedWindow, afterwards: JudgeSample, report: TrafficReport): string {
  const first = window.samples[0] as JudgeSample;
  const last = window.samples[window.samples.length - 1] as JudgeSample;
  return (
    `kill switch leak judge: ${samples.length} samples, ${window.samples.length} with Ferry's table (${window.gaps} gaps) ` +
    `over ${Math.round((last.atMs - first.atMs) / 1000)} s; table seen ${first.atMs - (samples[0] as JudgeSample).atMs} ms after \`ferry connect\` started\n` +
    `  ${phaseReport(samples, marks, window)}\n` +
    `  leaked in the protected window: ${JSON.stringify(window.leaked)}; after the block was lifted (1 s): ${leaked(afterwards) - leaked(last)}\n` +
    `  sender attempts: ${JSON.stringify(report.attempts)}; pings sent v4 ${report.pingV4.sent}, v6 ${report.pingV6.sent}`
  );
}

describe('Ferry\'s kill switch', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'fkill' });
    await lab.startFerryd();
  });

  afterEach(async () => {
    await disconnectQuietly(lab);
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('leaks nothing through connect, switch, server down, server back, ferryd SIGKILL + restart, and disconnect', async () => {
    await setSetting(lab, 'allowLan', 'false');
    const judge = await LeakJudge.install(lab.ns('client'));
    await importProfile(lab, 'ks-a', await lab.makeClientProfile(FULL_V4));
    const traffic = await BackgroundTraffic.start(lab);
    await sleep(500); // sending before the connect: not protected yet, not judged
    judge.startSampling();
    const marks: [string, number][] = [];
    await walkThroughTransitions(lab, (phase) => void marks.push([phase, judge.count]));
    const samples = await judge.stopSampling();
    await sleep(1_000);
    const afterwards = await judge.sample();
    const report = await traffic.stop();
    await judge.remove();

    const window = protectedWindow(samples);
    const last = window.samples[window.samples.length - 1] as JudgeSample;
    console.log(describeRun(samples, marks, window, afterwards, report));
    expect(window.gaps).toBe(0);
    expect(window.leakedTotal).toBe(0);
    // The table was in force before Ferry's first packet to the server (the first handshake) left.
    expect(delta(samples[0] as JudgeSample, samples[Math.max(0, window.firstIndex - 1)] as JudgeSample).ferry_udp).toBe(0);
    expect(delta(window.samples[0] as JudgeSample, last).ferry_udp).toBeGreaterThan(0);
    for (const target of LEAK_TARGETS) expect(report.attempts[target] ?? 0).toBeGreaterThan(100);
    expect(report.pingV6.sent).toBeGreaterThan(100);
    // The judge does see the sender's traffic once nothing blocks it.
    expect(leaked(afterwards) - leaked(last)).toBeGreaterThan(0);
    expect(await hasFerryTable(lab)).toBe(false);
  }, 240_000);

  it('lets a LAN host through with Allow LAN on, and not with it off', async () => {
    await addLan(lab);
    await setSetting(lab, 'allowLan', 'true');
    await connectNewProfile(lab, 'lan', FULL_V4);
    expect((await lab.ping('client', LAN.host, 3)).received).toBe(3);
    await setSetting(lab, 'allowLan', 'false');
    await waitFor('the LAN to be blocked', async () => ((await lab.ping('client', LAN.host, 1, 0.2)).received === 0 ? true : undefined), 10_000);
    expect((await lab.ping('client', LAN.host, 3)).received).toBe(0);
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
    await setSetting(lab, 'allowLan', 'true');
    await waitFor('the LAN to be reachable', async () => ((await lab.ping('client', LAN.host, 1, 0.2)).received === 1 ? true : undefined), 10_000);
  }, 90_000);

  it('drops DNS to any resolver but the profile\'s while connected, and points resolv.conf at the profile\'s', async () => {
    await connectNewProfile(lab, 'dns', { fullTunnel: true, ipv6: true, dns: [LAB.tunnel.serverV4] });
    expect(readFileSync(lab.resolvConfPath, 'utf8')).toMatch(new RegExp(`^nameserver ${LAB.tunnel.serverV4.replaceAll('.', '\\.')}$`, 'm'));
    const wg = lab.server.ifname;
    const server = await NftCounters.install(lab.ns('server'), 'lab_dns_seen', {
      profileDns: { hook: 'in', match: `iifname "${wg}" ip daddr ${LAB.tunnel.serverV4} meta l4proto { tcp, udp } th dport 53` },
      otherDns: { hook: 'in', match: `iifname "${wg}" meta l4proto { tcp, udp } th dport 53 ip daddr != ${LAB.tunnel.serverV4}` },
      otherDnsV6: { hook: 'in', match: `iifname "${wg}" meta nfproto ipv6 meta l4proto { tcp, udp } th dport 53` },
    });
    const droppedBefore = (await ferryDropCounters(lab)).dropped_dns ?? 0;
    const targets = [`dns-udp:${OUTSIDE_RESOLVER.v4}:53`, `dns-tcp:${OUTSIDE_RESOLVER.v4}:53`, `dns-udp:[${OUTSIDE_RESOLVER.v6}]:53`,
      `dns-udp:${LAB.tunnel.serverV4}:53`, `dns-tcp:${LAB.tunnel.serverV4}:53`];
    const sender = await spawnTool(lab.processes, lab.ns('client'), 'leak-traffic', ['100', ...targets]);
    await sleep(2_000);
    await sender.stop('SIGTERM', 3_000);
    const seen = await server.read();
    const droppedDns = ((await ferryDropCounters(lab)).dropped_dns ?? 0) - droppedBefore;
    console.log(`DNS while connected: Ferry dropped ${droppedDns} queries to other resolvers; the server saw ${JSON.stringify(seen)}`);
    expect(droppedDns).toBeGreaterThan(20);
    expect(seen.profileDns).toBeGreaterThan(10);
    expect(seen.otherDns).toBe(0);
    expect(seen.otherDnsV6).toBe(0);
    await server.remove();
    const { stdout } = await runIn(lab.ns('client'), 'nft', ['list', 'table', 'inet', 'ferry']);
    expect(stdout).toContain('dropped_dns');
    await disconnect(lab);
  }, 90_000);
});
