// Timer behaviour of two in-memory devices on fake time: retries and give-up, keepalives, zeroing, rate limits.
import { describe, it, expect } from 'vitest';
import { createDevicePair, sentOfType, type DevicePair, type PairSide } from './testing/device-pair.js';
import { ipv4Packet } from './testing/ip-packets.js';

const data = (from: PairSide, to: PairSide, tag = 0): Uint8Array =>
  ipv4Packet({ source: from.tunnelIpv4, destination: to.tunnelIpv4, payloadBytes: 30, tag });

function established(options: Parameters<typeof createDevicePair>[0] = {}): DevicePair {
  const pair = createDevicePair(options);
  pair.a.node.sendFromTun([data(pair.a, pair.b)]);
  pair.network.run(10);
  expect(pair.b.node.tunReceived).toHaveLength(1);
  return pair;
}

const sentFrom = (pair: DevicePair, side: PairSide, type: number) =>
  pair.network.sent.filter((d) => d.sender === side.node && d.data[0] === type);
const keepalivesFrom = (pair: DevicePair, side: PairSide) =>
  pair.network.sent.filter((d) => d.sender === side.node && d.data[0] === 4 && d.data.length === 32);

describe('handshake retransmission', () => {
  it('retries every REKEY_TIMEOUT + jitter and gives up after 20 initiations, dropping staged packets', () => {
    const pair = createDevicePair();
    const { a, b, network, clock } = pair;
    network.filter = (d) => d.sender !== a.node; // b never hears a
    const startMs = clock.nowMs();
    a.node.sendFromTun([data(a, b)]);
    network.run(90_000);
    expect(a.events.some((e) => e.type === 'handshake-failed')).toBe(false);
    network.run(20_000);
    const times = sentFrom(pair, a, 1).map((d) => d.atMs - startMs);
    expect(times).toHaveLength(20);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(5000);
      expect(gap).toBeLessThan(5334);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1); // jittered, not a fixed period
    const attempts = a.events.flatMap((e) => (e.type === 'handshake-initiated' ? [e.attempt] : []));
    expect(attempts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(a.events.filter((e) => e.type === 'handshake-failed')).toHaveLength(1);

    network.filter = null; // the path heals, but the staged packet is gone and nobody retries on its own
    network.run(100_000);
    expect(sentFrom(pair, a, 1)).toHaveLength(20);
    expect(b.node.tunReceived).toHaveLength(0);
  });

  it('sends at most one initiation per REKEY_TIMEOUT however much traffic waits', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    network.filter = (d) => d.sender !== a.node;
    for (let i = 0; i < 120; i++) {
      a.node.sendFromTun([data(a, b, i)]);
      network.run(100);
    }
    expect(sentOfType(pair, a, 1)).toBe(3); // t ≈ 0, 5.x, 10.x s
  });

  it('does not initiate within REKEY_TIMEOUT of sending a response', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    network.filter = (d) => !(d.sender === a.node && d.data[0] === 4); // b never gets key confirmation
    a.node.sendFromTun([data(a, b)]);
    network.run(10);
    b.node.sendFromTun([data(b, a)]); // b has only `next`: stages, would like to initiate
    network.run(4_000);
    expect(sentOfType(pair, b, 1)).toBe(0);
    b.node.sendFromTun([data(b, a, 1)]);
    network.run(1_100);
    b.node.sendFromTun([data(b, a, 2)]);
    expect(sentOfType(pair, b, 1)).toBe(1);
  });
});

describe('keepalives', () => {
  it('sends one passive keepalive 10 s after receiving data it did not answer', () => {
    const pair = established();
    const { a, b, network, clock } = pair;
    b.node.sendFromTun([data(b, a)]);
    network.run(2);
    const receivedAtMs = clock.nowMs() - 1;
    network.run(60_000);
    const keepalives = keepalivesFrom(pair, a);
    expect(keepalives.map((d) => d.atMs)).toEqual([receivedAtMs + 10_000]);
    expect(keepalivesFrom(pair, b)).toHaveLength(0); // a keepalive never triggers one back
  });

  it('sends persistent keepalives every N seconds from device up, handshaking first', () => {
    const pair = createDevicePair({ aPersistentKeepaliveSeconds: 25 });
    const { a, network, clock } = pair;
    const startMs = clock.nowMs();
    expect(sentOfType(pair, a, 1)).toBe(1); // up() handshakes at once
    network.run(100_000);
    const times = keepalivesFrom(pair, a).map((d) => Math.round(d.atMs - startMs));
    // First keepalive right after the response (2 ms), then every 25 s of silence.
    expect(times).toEqual([2, 25_002, 50_002, 75_002]);
  });
});

describe('new handshake after unanswered data', () => {
  it('initiates 15 s + jitter after sending data that got no reply', () => {
    const pair = established();
    const { a, b, network, clock } = pair;
    network.filter = (d) => d.sender !== b.node;
    const sentAtMs = clock.nowMs();
    a.node.sendFromTun([data(a, b, 1)]);
    network.run(16_000);
    const initiations = sentFrom(pair, a, 1);
    expect(initiations).toHaveLength(2);
    const delayMs = (initiations[1]?.atMs ?? 0) - sentAtMs;
    expect(delayMs).toBeGreaterThanOrEqual(15_000);
    expect(delayMs).toBeLessThan(15_334);
  });
});

describe('key lifetime', () => {
  it('zeroes all keys 540 s after the last session was derived', () => {
    const pair = established();
    const { a, b, network } = pair;
    const oldDatagram = sentFrom(pair, a, 4)[0];
    network.run(539_000);
    expect(a.events.some((e) => e.type === 'keys-zeroed')).toBe(false);
    network.run(2_000);
    expect(a.events.filter((e) => e.type === 'keys-zeroed')).toHaveLength(1);
    expect(b.events.filter((e) => e.type === 'keys-zeroed')).toHaveLength(1);
    network.inject(b.node, [oldDatagram?.data ?? new Uint8Array(32)], a.endpoint);
    expect(b.events[b.events.length - 1]).toEqual({ type: 'packet-dropped', reason: 'unknown receiver index' });
  });

  it('the initiator rekeys passively when data arrives on a keypair older than 165 s', () => {
    const pair = established();
    const { a, b, network } = pair;
    network.run(160_000);
    b.node.sendFromTun([data(b, a, 1)]);
    network.run(5_000);
    // a's passive keepalive (a send) at 170 s would rekey via REKEY_AFTER_TIME; the receive path is earlier:
    expect(sentOfType(pair, a, 1)).toBe(1);
    b.node.sendFromTun([data(b, a, 2)]);
    network.run(1);
    const initiations = sentFrom(pair, a, 1);
    expect(initiations).toHaveLength(2);
    b.node.sendFromTun([data(b, a, 3)]);
    network.run(10);
    expect(sentFrom(pair, a, 1)).toHaveLength(2);
    expect(a.node.tunReceived).toHaveLength(3);
  });
});
