// Ferry leaves no trace: after disconnect, and after kill -9 plus a restart, the client's network is exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { waitFor } from '../lab/exec.js';
import { connectNewProfile, disconnect, disconnectQuietly, ferryOk, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import type { NetworkSnapshot } from '../lab/snapshot.js';

/** The profile that changes the most: full tunnel, both families, DNS. */
const HEAVY_PROFILE = { fullTunnel: true, ipv6: true, dns: [LAB.tunnel.serverV4] };

function sameSnapshot(a: NetworkSnapshot, b: NetworkSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('Ferry restores the client network', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'fclean' });
    await lab.startFerryd();
  });

  afterAll(async () => {
    await disconnectQuietly(lab);
    await lab?.destroy();
  });

  async function expectConnectedChanges(before: NetworkSnapshot): Promise<void> {
    const during = await lab.snapshotClientNetwork();
    expect(during.addresses).toContain(LAB.tunnel.clientV4);
    expect(during.resolvConf).toContain(LAB.tunnel.serverV4);
    expect(during.rules).not.toBe(before.rules);
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
  }

  it('disconnect leaves ip addr, ip rule, ip route (all tables), nftables and resolv.conf exactly as before', async () => {
    const before = await lab.snapshotClientNetwork();
    await connectNewProfile(lab, 'tidy', HEAVY_PROFILE);
    await expectConnectedChanges(before);
    await disconnect(lab);
    expect(await lab.snapshotClientNetwork()).toEqual(before);
  });

  it('kill -9 while connected, then ferryd started again, leaves everything exactly as before', async () => {
    // With the kill switch on, a restarted ferryd restores the connection instead (kill-switch.test.ts): off here.
    await ferryOk(lab, ['settings', 'set', 'killSwitch', 'off']);
    const before = await lab.snapshotClientNetwork();
    await connectNewProfile(lab, 'crash', HEAVY_PROFILE);
    await expectConnectedChanges(before);
    await lab.ferryd.kill9();
    await lab.startFerryd();
    // Recovery from the journal may finish just after the socket answers: give it a few seconds.
    const after = await waitFor('the client network to be restored', async () => {
      const now = await lab.snapshotClientNetwork();
      return sameSnapshot(now, before) ? now : undefined;
    }, 10_000).catch(() => lab.snapshotClientNetwork());
    expect(after).toEqual(before);
    expect((await ferryStatus(lab)).state).toBe('disconnected');
  });
});
