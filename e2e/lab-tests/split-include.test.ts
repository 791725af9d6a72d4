// Per-app split tunnelling, include mode, on the wire (issue 6): only listed apps (and their children) use the tunnel, the rest goes direct.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { connectNewProfile, ferryOk } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';
import { CATCH_DELAY_MS, SplitLab } from '../lab/split-lab.js';

const UPLINK_COUNTERS = {
  tunnel_v4_out: { hook: 'out', match: `oifname "eth0" ip saddr ${LAB.tunnel.clientV4}` },
  tunnel_v6_out: { hook: 'out', match: `oifname "eth0" ip6 saddr ${LAB.tunnel.clientV6}` },
  direct_v4_out: { hook: 'out', match: `oifname "eth0" ip saddr ${LAB.client.v4} ip daddr ${LAB.serviceV4} tcp dport ${LAB.whoamiPort}` },
} as const;

describe('split tunnelling in include mode', () => {
  let lab: Lab;
  let split: SplitLab;
  let listed: string;
  let other: string;
  let counters: NftCounters;

  beforeAll(async () => {
    lab = await createLab({ name: 'fspli' });
    split = new SplitLab(lab);
    listed = split.app('vpn-only-app');
    other = split.app('other-app');
    await split.startFerryd();
    await connectNewProfile(lab, 'full', { fullTunnel: true });
    counters = await NftCounters.install(lab.ns('client'), 'split_uplink', UPLINK_COUNTERS);
  }, 120_000);

  afterAll(async () => {
    await lab?.destroy();
    split?.cleanUp();
  });

  it('sends only the listed app through the tunnel, over IPv4 and IPv6', async () => {
    await ferryOk(lab, ['split', 'add', listed]);
    expect(await ferryOk(lab, ['split', 'mode', 'include'])).toBe(
      'mode: include (only listed apps use the tunnel)\nenforced: yes\nwatcher: polling /proc\n',
    );
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.server.v4);
    expect(await split.whoami(listed, LAB.serviceV6)).toBe(LAB.server.v6);
    expect(await split.whoami(other, LAB.serviceV4)).toBe(LAB.client.v4);
    expect(await split.whoami(other, LAB.serviceV6)).toBe(LAB.client.v6);
  });

  it('keeps a child of a listed process in the tunnel', async () => {
    expect(await split.whoami(listed, LAB.serviceV4, { delayMs: CATCH_DELAY_MS, child: other })).toBe(LAB.server.v4);
    expect(await split.whoami(listed, LAB.serviceV6, { delayMs: CATCH_DELAY_MS, child: other })).toBe(LAB.server.v6);
  });

  it('never puts the tunnel address on the physical interface', async () => {
    const seen = await counters.read();
    expect(seen.direct_v4_out).toBeGreaterThan(0);
    expect(seen.tunnel_v4_out).toBe(0);
    expect(seen.tunnel_v6_out).toBe(0);
  });

  it('counts the listed app\'s bytes as tunnel traffic', async () => {
    const [rule] = (await split.splitList()).rules;
    expect(rule?.counters.tunnelTxBytes).toBeGreaterThan(0);
    expect(rule?.counters.tunnelRxBytes).toBeGreaterThan(0);
    expect(rule?.counters.directTxBytes).toBe(0);
  });

  it('routes everything through the tunnel again when the mode goes back to off', async () => {
    expect(await ferryOk(lab, ['split', 'mode', 'off'])).toBe('mode: off\n');
    expect(await split.whoami(other, LAB.serviceV4)).toBe(LAB.server.v4);
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.server.v4);
  });
});
