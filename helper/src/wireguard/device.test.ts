// Two in-memory Ferry devices: handshake, data both ways over IPv4 and IPv6, with and without PSK, staging, padding.
import { describe, it, expect } from 'vitest';
import { createDevicePair, sentOfType, type DevicePair, type PairSide } from './testing/device-pair.js';
import { ipv4Packet, ipv6Packet } from './testing/ip-packets.js';

function v4(from: PairSide, to: PairSide, payloadBytes: number, tag = 0): Uint8Array {
  return ipv4Packet({ source: from.tunnelIpv4, destination: to.tunnelIpv4, payloadBytes, tag });
}
function v6(from: PairSide, to: PairSide, payloadBytes: number, tag = 0): Uint8Array {
  return ipv6Packet({ source: from.tunnelIpv6, destination: to.tunnelIpv6, payloadBytes, tag });
}

function exchange(pair: DevicePair): void {
  const { a, b, network } = pair;
  const aToB = [v4(a, b, 100, 1), v6(a, b, 200, 2)];
  a.node.sendFromTun(aToB);
  network.run(50);
  expect(b.node.tunReceived).toEqual(aToB);
  const bToA = [v4(b, a, 1, 3), v6(b, a, 1380, 4)];
  b.node.sendFromTun(bToA);
  network.run(50);
  expect(a.node.tunReceived).toEqual(bToA);
}

describe.each([
  { name: 'without PSK', presharedKey: undefined },
  { name: 'with PSK', presharedKey: new Uint8Array(32).fill(7) },
])('two devices $name', ({ presharedKey }) => {
  it('complete a handshake and exchange IPv4 and IPv6 packets both ways', () => {
    const pair = createDevicePair(presharedKey ? { presharedKey } : {});
    exchange(pair);
    const { a, b } = pair;
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'handshake-complete', role: 'initiator' }));
    expect(b.events).toContainEqual(expect.objectContaining({ type: 'handshake-complete', role: 'responder' }));
    expect(sentOfType(pair, a, 1)).toBe(1);
    expect(sentOfType(pair, b, 2)).toBe(1);
    const [aStats] = a.device.stats();
    expect(aStats?.handshakeRttMs).toBe(2);
    expect(aStats?.lastHandshakeWallMs).toBe(pair.clock.wallMs() - 100 + 2);
    expect(aStats?.txPackets).toBe(3); // initiation + 2 data
    expect(aStats?.rxPackets).toBe(3); // response + 2 data
    expect(b.device.stats()[0]?.endpoint).toEqual(a.endpoint);
  });
});

describe('mismatched keys', () => {
  it('a PSK on one side only: b answers, a rejects the response, nothing is delivered', () => {
    const pair = createDevicePair({ bPresharedKey: new Uint8Array(32).fill(1) });
    const { a, b, network } = pair;
    a.node.sendFromTun([v4(a, b, 10)]);
    network.run(1000);
    expect(sentOfType(pair, b, 2)).toBe(1);
    expect(a.events).toContainEqual({ type: 'packet-dropped', peer: expect.any(String), reason: 'invalid handshake response' });
    expect(a.events.some((e) => e.type === 'handshake-complete')).toBe(false);
    expect(b.node.tunReceived).toHaveLength(0);
  });
});

describe('staging and padding', () => {
  it('stages packets while there is no session and flushes them in order after the handshake', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    const packets = Array.from({ length: 5 }, (_, i) => v4(a, b, 10 + i, i));
    for (const p of packets) a.node.sendFromTun([p]);
    expect(sentOfType(pair, a, 1)).toBe(1); // one initiation despite five packets
    network.run(20);
    expect(b.node.tunReceived).toEqual(packets);
    // Staged data served as key confirmation: no separate keepalive.
    expect(network.sent.filter((d) => d.sender === a.node && d.data.length === 32)).toHaveLength(0);
  });

  it('keeps only the newest 128 staged packets', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    const packets = Array.from({ length: 130 }, (_, i) => v4(a, b, 8, i));
    a.node.sendFromTun(packets);
    network.run(20);
    expect(b.node.tunReceived).toEqual(packets.slice(2));
  });

  it.each([
    { inner: 44, padded: 48, mtu: 1420 },
    { inner: 84, padded: 96, mtu: 1420 },
    { inner: 1420, padded: 1420, mtu: 1420 },
    { inner: 1418, padded: 1420, mtu: 1420 },
    { inner: 1500, padded: 1500, mtu: 1420 },
    { inner: 1281, padded: 1282, mtu: 1282 },
  ])('pads a $inner-byte packet to $padded (MTU $mtu)', ({ inner, padded, mtu }) => {
    const pair = createDevicePair({ mtuBytes: mtu });
    const { a, b, network } = pair;
    a.node.sendFromTun([v4(a, b, 0)]); // establish the session first
    network.run(20);
    const packet = v4(a, b, inner - 20, 9);
    a.node.sendFromTun([packet]);
    const datagram = network.sent[network.sent.length - 1];
    expect(datagram?.data.length).toBe(16 + padded + 16);
    network.run(20);
    expect(b.node.tunReceived[b.node.tunReceived.length - 1]).toEqual(packet);
  });
});

describe('lifecycle and lossy links', () => {
  it('down() zeroes keys and stops timers; up() starts over with a fresh handshake', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    a.node.sendFromTun([v4(a, b, 10)]);
    network.run(20);
    expect(a.device.nextDeadlineMs()).toBeLessThan(Infinity);
    a.device.down();
    expect(a.device.nextDeadlineMs()).toBe(Infinity);
    a.node.sendFromTun([v4(a, b, 10, 1)]);
    network.run(1000);
    expect(b.node.tunReceived).toHaveLength(1); // dropped while down
    a.device.up();
    a.node.sendFromTun([v4(a, b, 10, 2)]);
    network.run(20);
    expect(sentOfType(pair, a, 1)).toBe(2);
    expect(b.node.tunReceived).toEqual([v4(a, b, 10), v4(a, b, 10, 2)]);
  });

  it('initiateHandshake() handshakes on request, at most once per REKEY_TIMEOUT', () => {
    const pair = createDevicePair();
    const { a, network } = pair;
    a.device.initiateHandshake();
    a.device.initiateHandshake();
    network.run(20);
    expect(sentOfType(pair, a, 1)).toBe(1);
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'handshake-complete', role: 'initiator' }));
    network.run(5_000);
    a.device.initiateHandshake();
    expect(sentOfType(pair, a, 1)).toBe(2);
  });

  it('completes the handshake over a lossy link through retransmissions', () => {
    const pair = createDevicePair({ network: { lossRate: 0.5, seed: 3 } });
    const { a, b, network } = pair;
    let initiationsSeen = 0;
    network.filter = (d) => !(d.sender === a.node && d.data[0] === 1 && ++initiationsSeen <= 2);
    // Like ping: one packet a second until one makes it through (lost data is not retransmitted).
    for (let s = 0; s < 90 && b.node.tunReceived.length === 0; s++) {
      a.node.sendFromTun([v4(a, b, 10, s)]);
      network.run(1000);
    }
    expect(b.node.tunReceived.length).toBeGreaterThan(0);
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'handshake-complete', role: 'initiator' }));
    expect(sentOfType(pair, a, 1)).toBeGreaterThan(2);
  });
});
