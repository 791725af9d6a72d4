// Long TCP transfers through Ferry (TUN offloads, UDP GSO, pooled buffers) must arrive intact: SHA-256 on both ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { connectNewProfile, disconnectQuietly, ferryStatus } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';

const LONG_BYTES = 64_000_000;

describe('Ferry carries long transfers intact', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'flong' });
    await lab.startFerryd();
    await connectNewProfile(lab, 'long');
  });

  afterAll(async () => {
    if (lab) await disconnectQuietly(lab);
    await lab?.destroy();
  });

  it('moves 64 MB each way over IPv4 and IPv6 with matching SHA-256', async () => {
    const results = [
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV4, 'up', LONG_BYTES),
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV4, 'down', LONG_BYTES),
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV6, 'up', LONG_BYTES),
      await lab.tcpTransfer('client', 'server', LAB.tunnel.serverV6, 'down', LONG_BYTES),
    ];
    console.log(`64 MB transfers (v4 up, v4 down, v6 up, v6 down): ${results.map((r) => `${r.ms} ms`).join(', ')}`);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const status = await ferryStatus(lab);
    expect(status.txBytes).toBeGreaterThanOrEqual(2 * LONG_BYTES);
    expect(status.rxBytes).toBeGreaterThanOrEqual(2 * LONG_BYTES);
  });
});
