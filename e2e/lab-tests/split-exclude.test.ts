// Per-app split tunnelling, exclude mode, on the wire (issue 6): listed apps and their children go direct, the rest through the tunnel; rules persist.
import { readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { waitFor } from '../lab/exec.js';
import { connectNewProfile, ferryOk } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';
import { CATCH_DELAY_MS, SplitLab } from '../lab/split-lab.js';

/** What leaves the client's physical interface: the tunnel's addresses must never be among the sources. */
const UPLINK_COUNTERS = {
  tunnel_v4_out: { hook: 'out', match: `oifname "eth0" ip saddr ${LAB.tunnel.clientV4}` },
  tunnel_v6_out: { hook: 'out', match: `oifname "eth0" ip6 saddr ${LAB.tunnel.clientV6}` },
  direct_v4_out: { hook: 'out', match: `oifname "eth0" ip saddr ${LAB.client.v4} ip daddr ${LAB.serviceV4} tcp dport ${LAB.whoamiPort}` },
  direct_v6_out: { hook: 'out', match: `oifname "eth0" ip6 saddr ${LAB.client.v6} ip6 daddr ${LAB.serviceV6} tcp dport ${LAB.whoamiPort}` },
} as const;

function executableOf(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
}

describe('split tunnelling in exclude mode', () => {
  let lab: Lab;
  let split: SplitLab;
  let listed: string;
  let other: string;
  let counters: NftCounters;

  beforeAll(async () => {
    lab = await createLab({ name: 'fsplx' });
    split = new SplitLab(lab);
    listed = split.app('listed-app');
    other = split.app('other-app');
    await split.startFerryd();
    await connectNewProfile(lab, 'full', { fullTunnel: true });
    counters = await NftCounters.install(lab.ns('client'), 'split_uplink', UPLINK_COUNTERS);
    await ferryOk(lab, ['split', 'mode', 'exclude']);
  }, 120_000);

  afterAll(async () => {
    await lab?.destroy();
    split?.cleanUp();
  });

  it('sends a listed app direct and an unlisted one through the tunnel, over IPv4 and IPv6', async () => {
    expect(await ferryOk(lab, ['split', 'add', listed, '--name', 'Listed app'])).toMatch(/^added rule r-[0-9a-f]{10}: \/tmp\/ferry-split-[0-9a-f]+\/listed-app\n$/);
    // Both started after the rule was added: the listed one is caught on its way.
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.client.v4);
    expect(await split.whoami(listed, LAB.serviceV6)).toBe(LAB.client.v6);
    expect(await split.whoami(other, LAB.serviceV4)).toBe(LAB.server.v4);
    expect(await split.whoami(other, LAB.serviceV6)).toBe(LAB.server.v6);
  });

  it('lets a child of a listed process bypass too, even when its own executable is not listed', async () => {
    expect(await split.whoami(listed, LAB.serviceV4, { delayMs: CATCH_DELAY_MS, child: other })).toBe(LAB.client.v4);
    expect(await split.whoami(listed, LAB.serviceV6, { delayMs: CATCH_DELAY_MS, child: other })).toBe(LAB.client.v6);
  });

  it('catches a process that was already running when its rule was added', async () => {
    const late = split.app('late-app');
    const running = split.spawnProbe(late, LAB.serviceV4, { delayMs: 3_000 });
    await waitFor('the late app to start', async () => (executableOf(running.pid) === late ? true : undefined), 5_000);
    await ferryOk(lab, ['split', 'add', late]);
    expect(await running.exited).toBe(0);
    const answer = await waitFor('its answer', async () => running.output().split('\n').find((line) => /^[0-9.]+$/.test(line)), 5_000);
    expect(answer).toBe(LAB.client.v4);
    await ferryOk(lab, ['split', 'remove', late]);
  });

  it('never puts the tunnel address on the physical interface', async () => {
    const seen = await counters.read();
    expect(seen.direct_v4_out).toBeGreaterThan(0);
    expect(seen.direct_v6_out).toBeGreaterThan(0);
    expect(seen.tunnel_v4_out).toBe(0);
    expect(seen.tunnel_v6_out).toBe(0);
  });

  it('shows the caught processes and their byte counters in `ferry split list`', async () => {
    const lingering = split.spawnProbe(listed, LAB.serviceV4, { delayMs: CATCH_DELAY_MS, holdMs: 20_000 });
    try {
      const list = await waitFor('the lingering app in split list', async () => {
        const current = await split.splitList();
        return current.rules[0]?.processes.some((process) => process.pid === lingering.pid) ? current : undefined;
      }, 10_000);
      expect(list).toMatchObject({ mode: 'exclude', enforced: true, problem: null });
      expect(list.rules).toHaveLength(1);
      expect(list.rules[0]).toMatchObject({ path: listed, requestedPath: listed, name: 'Listed app', isScript: false });
      expect(list.rules[0]?.counters.directTxBytes).toBeGreaterThan(0);
      expect(list.rules[0]?.counters.directRxBytes).toBeGreaterThan(0);
      expect(list.rules[0]?.counters.tunnelTxBytes).toBe(0);
      const text = await ferryOk(lab, ['split', 'list']);
      expect(text).toContain(`  Listed app  ${listed}\n    tunnel: 0 B sent, 0 B received; direct: `);
      expect(text).toMatch(new RegExp(`\\n    caught: ${lingering.pid} listed-app \\(uid 0\\) ${listed}\\n`));
    } finally {
      await lingering.stop();
    }
  });

  it('keeps the rules across a ferryd restart', async () => {
    expect(await lab.ferryd.stop()).toBe(0);
    await split.startFerryd();
    await connectNewProfile(lab, 'full-again', { fullTunnel: true });
    const list = await split.splitList();
    expect(list).toMatchObject({ mode: 'exclude', enforced: true });
    expect(list.rules.map((rule) => rule.path)).toEqual([listed]);
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.client.v4);
    expect(await split.whoami(other, LAB.serviceV4)).toBe(LAB.server.v4);
  });

  it('sends new connections of an app back through the tunnel once its rule is removed', async () => {
    expect(await ferryOk(lab, ['split', 'remove', listed])).toBe(`removed rule ${listed}\n`);
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.server.v4);
    expect(await split.whoami(listed, LAB.serviceV6)).toBe(LAB.server.v6);
    expect((await split.splitList()).rules).toEqual([]);
  });
});
