// Ferry's routing against wireguard-go: a full tunnel whose own UDP bypasses it, and a split tunnel of listed prefixes only.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LAB, WAN_IFNAME } from '../lab/addressing.js';
import { connectNewProfile, disconnectQuietly } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { NftCounters } from '../lab/nft-counters.js';

describe('Ferry routes what the profile says', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'froute' });
    await lab.startFerryd();
  });

  afterEach(async () => {
    await disconnectQuietly(lab);
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('full tunnel: the internet sees the server\'s address; Ferry\'s own UDP leaves by the WAN with a fwmark', async () => {
    const port = LAB.wireguardPort;
    const counters = await NftCounters.install(lab.ns('client'), 'lab_full_tunnel', {
      markedOnWan: { hook: 'out', match: `oifname "${WAN_IFNAME}" udp dport ${port} meta mark != 0` },
      unmarkedOnWan: { hook: 'out', match: `oifname "${WAN_IFNAME}" udp dport ${port} meta mark 0` },
      elsewhere: { hook: 'out', match: `oifname != "${WAN_IFNAME}" udp dport ${port}` },
    });
    const { status } = await connectNewProfile(lab, 'full', { fullTunnel: true });
    expect(status.state).toBe('connected');
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
    expect(await lab.whoami('client', LAB.serviceV4, 'udp')).toBe(LAB.server.v4);
    expect(await lab.whoami('client', LAB.otherV4, 'tcp')).toBe(LAB.server.v4);
    expect(await lab.whoami('client', LAB.serviceV6, 'tcp')).toBe(LAB.server.v6);
    expect(await lab.whoami('client', LAB.serviceV6, 'udp')).toBe(LAB.server.v6);
    const counted = await counters.read();
    console.log(`client UDP to port ${port}: ${JSON.stringify(counted)}`);
    expect(counted.markedOnWan).toBeGreaterThan(0);
    expect(counted.unmarkedOnWan).toBe(0);
    expect(counted.elsewhere).toBe(0);
    await counters.remove();
  });

  it('split tunnel: only the listed prefixes go through the tunnel', async () => {
    const allowedIps = [LAB.tunnel.networkV4, LAB.tunnel.networkV6, `${LAB.serviceV4}/32`, `${LAB.serviceV6}/128`];
    await connectNewProfile(lab, 'split', { allowedIps });
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
    expect(await lab.whoami('client', LAB.serviceV4, 'udp')).toBe(LAB.server.v4);
    expect(await lab.whoami('client', LAB.serviceV6, 'tcp')).toBe(LAB.server.v6);
    expect(await lab.whoami('client', LAB.otherV4, 'tcp')).toBe(LAB.client.v4);
    expect(await lab.whoami('client', LAB.otherV4, 'udp')).toBe(LAB.client.v4);
    expect(await lab.whoami('client', LAB.otherV6, 'tcp')).toBe(LAB.client.v6);
    expect((await lab.ping('client', LAB.tunnel.serverV4, 3)).received).toBe(3);
  });

  it('split tunnel whose AllowedIPs hold the server\'s own address: the encrypted packets still leave by the WAN', async () => {
    // The server's network (and so its endpoint) is listed: routed into the tunnel, Ferry's own UDP would loop.
    const allowedIps = [LAB.tunnel.networkV4, LAB.tunnel.networkV6, '198.18.2.0/24', `${LAB.serviceV4}/32`];
    const { status } = await connectNewProfile(lab, 'covers-endpoint', { allowedIps });
    expect(status.state).toBe('connected');
    expect((await lab.ping('client', LAB.tunnel.serverV4, 3)).received).toBe(3);
    expect(await lab.whoami('client', LAB.serviceV4, 'tcp')).toBe(LAB.server.v4);
  });
});
