// What two in-memory devices refuse or adapt to: replays, spoofed inner sources, roaming, malformed messages, cookies under load.
import { describe, it, expect } from 'vitest';
import { CookieGenerator } from './cookie.js';
import { generatePrivateKey, publicKeyOf } from './crypto.js';
import { createInitiation, createPeerSecrets } from './noise.js';
import { createDevicePair, sentOfType, type DevicePair, type PairSide } from './testing/device-pair.js';
import { ip, ipv4Packet } from './testing/ip-packets.js';
import { SeededRandom } from './testing/seeded-random.js';

const data = (from: PairSide, to: PairSide, tag = 0, source = from.tunnelIpv4): Uint8Array =>
  ipv4Packet({ source, destination: to.tunnelIpv4, payloadBytes: 30, tag });

function established(): DevicePair {
  const pair = createDevicePair();
  pair.a.node.sendFromTun([data(pair.a, pair.b)]);
  pair.network.run(10);
  return pair;
}

const lastEvent = (side: PairSide) => side.events[side.events.length - 1];
const drops = (side: PairSide, reason: string) =>
  side.events.filter((e) => e.type === 'packet-dropped' && e.reason === reason).length;

describe('transport checks', () => {
  it('drops a replayed transport packet', () => {
    const pair = established();
    const { a, b, network } = pair;
    a.node.sendFromTun([data(a, b, 1)]);
    const captured = network.sent[network.sent.length - 1];
    network.run(10);
    expect(b.node.tunReceived).toHaveLength(2);
    network.inject(b.node, [captured?.data ?? new Uint8Array()], a.endpoint);
    expect(b.node.tunReceived).toHaveLength(2);
    expect(drops(b, 'replayed or too old counter')).toBe(1);
  });

  it('drops a decrypted packet whose inner source is outside the peer\'s AllowedIPs', () => {
    const pair = established();
    const { a, b, network } = pair;
    b.node.sendFromTun([data(b, a, 1, ip('10.0.0.99')), data(b, a, 2)]);
    network.run(10);
    expect(a.node.tunReceived).toEqual([data(b, a, 2)]);
    expect(drops(a, 'inner source address not in the peer\'s AllowedIPs')).toBe(1);
  });

  it('drops tampered ciphertext and inner packets whose length field lies', () => {
    const pair = established();
    const { a, b, network } = pair;
    a.node.sendFromTun([data(a, b, 1)]);
    const captured = network.sent[network.sent.length - 1]?.data ?? new Uint8Array();
    const tampered = Uint8Array.from(captured);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    network.inject(b.node, [tampered], a.endpoint);
    expect(lastEvent(b)).toMatchObject({ reason: 'transport packet failed authentication' });
    const liar = data(a, b, 2);
    liar[3] = 255; // total length beyond the plaintext
    a.node.sendFromTun([liar]);
    network.run(10);
    expect(drops(b, 'inner packet length is inconsistent')).toBe(1);
    expect(b.node.tunReceived).toEqual([data(a, b), data(a, b, 1)]);
  });
});

describe('roaming', () => {
  it('moves the endpoint to the source of authenticated packets and replies there', () => {
    const pair = established();
    const { a, b, network } = pair;
    const moved = { address: '203.0.113.7', port: 40000 };
    a.node.moveTo(moved);
    a.node.sendFromTun([data(a, b, 1)]);
    network.run(10);
    expect(b.events).toContainEqual({ type: 'endpoint-changed', peer: expect.any(String), endpoint: moved });
    expect(b.device.stats()[0]?.endpoint).toEqual(moved);
    b.node.sendFromTun([data(b, a, 2)]);
    network.run(10);
    expect(a.node.tunReceived).toEqual([data(b, a, 2)]);
  });

  it('ignores the source of packets that fail authentication or replay', () => {
    const pair = established();
    const { a, b, network } = pair;
    a.node.sendFromTun([data(a, b, 1)]);
    const captured = network.sent[network.sent.length - 1]?.data ?? new Uint8Array();
    network.run(10);
    network.inject(b.node, [captured], { address: '198.18.0.1', port: 1 });
    expect(b.device.stats()[0]?.endpoint).toEqual(a.endpoint);
  });
});

describe('message dispatch', () => {
  it('drops messages with non-zero reserved bytes or wrong sizes', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    network.filter = () => false;
    a.node.sendFromTun([data(a, b)]);
    const initiation = network.sent[0]?.data ?? new Uint8Array();
    const reserved = Uint8Array.from(initiation);
    reserved[1] = 1;
    const long = new Uint8Array(149);
    long.set(initiation);
    const shortTransport = Uint8Array.of(4, 0, 0, 0, ...new Array<number>(27).fill(0));
    network.inject(b.node, [reserved, long, initiation.subarray(0, 147), shortTransport, Uint8Array.of(9, 0, 0, 0)], a.endpoint);
    expect(drops(b, 'unknown message type or wrong size')).toBe(4);
    expect(drops(b, 'transport message too short')).toBe(1);
    expect(sentOfType(pair, b, 2)).toBe(0);
    network.inject(b.node, [initiation], a.endpoint);
    expect(sentOfType(pair, b, 2)).toBe(1);
  });
});

describe('responder handshake checks', () => {
  function initiationFrom(pair: DevicePair, wallMs: number, seed: number, privateKey = pair.a.privateKey): Uint8Array {
    const { b } = pair;
    const local = { privateKey, publicKey: publicKeyOf(privateKey) };
    const { message } = createInitiation(local, createPeerSecrets(local, b.publicKey), seed, wallMs, new SeededRandom(seed));
    new CookieGenerator(b.publicKey, pair.clock).addMacs(message);
    return message;
  }

  it('drops replayed initiations and initiations closer than 20 ms', () => {
    const pair = createDevicePair();
    const { a, b, network, clock } = pair;
    const first = initiationFrom(pair, clock.wallMs(), 1);
    network.inject(b.node, [first], a.endpoint);
    expect(sentOfType(pair, b, 2)).toBe(1);
    clock.advance(100);
    network.inject(b.node, [first], a.endpoint);
    expect(drops(b, 'handshake initiation replay')).toBe(1);
    clock.advance(100);
    network.inject(b.node, [initiationFrom(pair, clock.wallMs(), 2)], a.endpoint);
    clock.advance(10);
    network.inject(b.node, [initiationFrom(pair, clock.wallMs() + 50, 3)], a.endpoint);
    expect(drops(b, 'handshake initiation flood')).toBe(1);
    clock.advance(15);
    network.inject(b.node, [initiationFrom(pair, clock.wallMs() + 50, 4)], a.endpoint);
    expect(sentOfType(pair, b, 2)).toBe(3);
  });

  it('drops initiations with a bad mac1 silently, and from unknown keys', () => {
    const pair = createDevicePair();
    const { a, b, network, clock } = pair;
    const message = initiationFrom(pair, clock.wallMs(), 1);
    message[120] = (message[120] ?? 0) ^ 0xff;
    network.inject(b.node, [message], a.endpoint);
    expect(drops(b, 'handshake message with invalid mac1')).toBe(1);
    const stranger = initiationFrom(pair, clock.wallMs(), 2, generatePrivateKey(new SeededRandom(99)));
    network.inject(b.node, [stranger], a.endpoint);
    expect(drops(b, 'invalid handshake initiation or unknown peer')).toBe(1);
    expect(sentOfType(pair, b, 2) + sentOfType(pair, b, 3)).toBe(0);
  });
});

describe('cookies under load', () => {
  const flood = (pair: DevicePair): void => {
    const junk = Array.from({ length: 130 }, (_, i) => Uint8Array.of(1, 0, 0, 0, i, ...new Array<number>(143).fill(i)));
    pair.network.inject(pair.b.node, junk, { address: '198.18.0.9', port: 9 });
  };

  it('a device under load answers with a cookie; the retry carries mac2 and succeeds', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    flood(pair);
    a.node.sendFromTun([data(a, b, 1)]);
    network.run(10);
    expect(sentOfType(pair, b, 3)).toBe(1); // cookie reply, no response
    expect(sentOfType(pair, b, 2)).toBe(0);
    expect(b.device.stats()[0]?.endpoint).toBeUndefined(); // a cookie exchange authenticates nobody
    network.run(4_900);
    flood(pair); // still under load when the retry arrives
    network.run(500);
    const initiations = network.sent.filter((d) => d.sender === a.node && d.data[0] === 1);
    expect(initiations).toHaveLength(2);
    expect(initiations[0]?.data.subarray(132).every((x) => x === 0)).toBe(true);
    expect(initiations[1]?.data.subarray(132).some((x) => x !== 0)).toBe(true);
    expect(sentOfType(pair, b, 3)).toBe(1);
    expect(a.events).toContainEqual(expect.objectContaining({ type: 'handshake-complete', role: 'initiator' }));
    expect(b.node.tunReceived).toEqual([data(a, b, 1)]);
  });

  it('cookie replies never move the endpoint of the peer that receives them', () => {
    const pair = established();
    const { a, b, network } = pair;
    flood(pair);
    network.run(6_000); // nothing to do: a is not handshaking
    expect(a.device.stats()[0]?.endpoint).toEqual(b.endpoint);
    expect(sentOfType(pair, b, 3)).toBe(0); // the junk had no valid mac1
  });
});
