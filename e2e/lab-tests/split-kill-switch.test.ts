// Split tunnelling under the kill switch with the server down (issue 6): excluded apps still reach the internet and nothing else does; included apps stay blocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { waitFor } from '../lab/exec.js';
import { connectNewProfile, ferryOk, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';
import { SplitLab } from '../lab/split-lab.js';

const SPLIT_MARKED = 'meta mark & 0xffff0000 == 0x46520000';
const NOT_SPLIT_MARKED = 'meta mark & 0xffff0000 != 0x46520000';
/** Connections to the whoami service leaving the physical interface, by whether split tunnelling marked them. */
const UPLINK_COUNTERS = {
  marked_out: { hook: 'out', match: `oifname "eth0" tcp dport ${LAB.whoamiPort} ${SPLIT_MARKED}` },
  unmarked_out: { hook: 'out', match: `oifname "eth0" tcp dport ${LAB.whoamiPort} ${NOT_SPLIT_MARKED}` },
  tunnel_v4_out: { hook: 'out', match: `oifname "eth0" ip saddr ${LAB.tunnel.clientV4}` },
} as const;

/** A blocked connection is dropped, so the probe gives up after this long. */
const BLOCKED_TIMEOUT_MS = 2_000;

describe('split tunnelling with the kill switch on and the server down', () => {
  let lab: Lab;
  let split: SplitLab;
  let listed: string;
  let other: string;

  beforeAll(async () => {
    lab = await createLab({ name: 'fsplk' });
    split = new SplitLab(lab);
    listed = split.app('listed-app');
    other = split.app('other-app');
    await split.startFerryd();
    await ferryOk(lab, ['settings', 'set', 'killSwitch', 'on']);
    await connectNewProfile(lab, 'full', { fullTunnel: true });
    await ferryOk(lab, ['split', 'add', listed]);
    await ferryOk(lab, ['split', 'mode', 'exclude']);
    await lab.server.stop();
    await waitFor('ferryd to notice the server is gone', async () => ((await ferryStatus(lab)).state === 'reconnecting' ? true : undefined), 60_000, 500);
  }, 120_000);

  afterAll(async () => {
    await lab?.destroy();
    split?.cleanUp();
  });

  it('exclude: the listed app reaches the internet host directly, unlisted ones reach nothing', async () => {
    const counters = await NftCounters.install(lab.ns('client'), 'split_ks_x', UPLINK_COUNTERS);
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.client.v4);
    expect(await split.whoami(listed, LAB.serviceV6)).toBe(LAB.client.v6);
    const blocked = await split.runProbe(other, LAB.serviceV4, { delayMs: 0, timeoutMs: BLOCKED_TIMEOUT_MS });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain(`no TCP answer from ${LAB.serviceV4}:${LAB.whoamiPort}`);
    expect((await split.runProbe(other, LAB.serviceV6, { delayMs: 0, timeoutMs: BLOCKED_TIMEOUT_MS })).code).toBe(1);
    const seen = await counters.read();
    expect(seen.marked_out).toBeGreaterThan(0);
    expect(seen.unmarked_out).toBe(0);
    expect(seen.tunnel_v4_out).toBe(0);
    await counters.remove();
  });

  it('include: the listed app is kept behind the block, unlisted ones go direct', async () => {
    await ferryOk(lab, ['split', 'mode', 'include']);
    const counters = await NftCounters.install(lab.ns('client'), 'split_ks_i', UPLINK_COUNTERS);
    const blocked = await split.runProbe(listed, LAB.serviceV4, { timeoutMs: BLOCKED_TIMEOUT_MS, delayMs: 400 });
    expect(blocked.code).toBe(1);
    expect(await split.whoami(other, LAB.serviceV4, { delayMs: 0 })).toBe(LAB.client.v4);
    const seen = await counters.read();
    expect(seen.marked_out).toBe(0);
    expect(seen.unmarked_out).toBeGreaterThan(0);
    expect(seen.tunnel_v4_out).toBe(0);
    await counters.remove();
  });

  it('blocks everything but Ferry itself again once split tunnelling is off', async () => {
    await ferryOk(lab, ['split', 'mode', 'off']);
    expect((await split.runProbe(listed, LAB.serviceV4, { delayMs: 0, timeoutMs: BLOCKED_TIMEOUT_MS })).code).toBe(1);
    expect((await split.runProbe(other, LAB.serviceV4, { delayMs: 0, timeoutMs: BLOCKED_TIMEOUT_MS })).code).toBe(1);
  });
});
