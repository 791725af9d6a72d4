// Device.sendKeepalives after a network change: one keepalive per peer with a session at once (rate limits do not apply), a handshake otherwise.
import { describe, expect, it } from 'vitest';
import { createDevicePair } from './testing/device-pair.js';
import { ipv4Packet } from './testing/ip-packets.js';

describe('Device.sendKeepalives', () => {
  it('sends a keepalive right away, even just after a handshake, which the peer accepts', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    a.node.sendFromTun([ipv4Packet({ source: a.tunnelIpv4, destination: b.tunnelIpv4, payloadBytes: 30 })]);
    network.run(10);
    const sentBefore = network.sent.length;
    a.device.sendKeepalives();
    network.run(1);
    const sent = network.sent.slice(sentBefore).filter((d) => d.sender === a.node);
    expect(sent.map((d) => [d.data[0], d.data.length])).toEqual([[4, 32]]);
    expect(b.device.stats()[0]?.rxPackets).toBeGreaterThanOrEqual(2);
  });

  it('starts a handshake instead when there is no session yet', () => {
    const pair = createDevicePair();
    pair.a.device.sendKeepalives();
    pair.network.run(10);
    expect(pair.network.sent.filter((d) => d.sender === pair.a.node).map((d) => d.data[0])).toEqual([1, 4]);
    expect(pair.a.events.some((e) => e.type === 'handshake-complete')).toBe(true);
  });
});
