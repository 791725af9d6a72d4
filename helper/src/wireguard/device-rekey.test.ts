// Key rotation between two in-memory devices: rekey on age under traffic, and the responder starting a rekey.
import { describe, it, expect } from 'vitest';
import { createDevicePair, sentOfType, type PairSide } from './testing/device-pair.js';
import { ipv4Packet, ipv6Packet } from './testing/ip-packets.js';

const v4 = (from: PairSide, to: PairSide, tag: number): Uint8Array =>
  ipv4Packet({ source: from.tunnelIpv4, destination: to.tunnelIpv4, payloadBytes: 64, tag });
const v6 = (from: PairSide, to: PairSide, tag: number): Uint8Array =>
  ipv6Packet({ source: from.tunnelIpv6, destination: to.tunnelIpv6, payloadBytes: 64, tag });

const completions = (side: PairSide, role: 'initiator' | 'responder'): number =>
  side.events.filter((e) => e.type === 'handshake-complete' && e.role === role).length;

describe('rekeying', () => {
  it('the initiator rekeys every REKEY_AFTER_TIME under steady traffic without losing a packet', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    const seconds = 400;
    for (let s = 0; s < seconds; s++) {
      a.node.sendFromTun([v4(a, b, s), v6(a, b, s)]);
      network.run(500);
      b.node.sendFromTun([v4(b, a, s)]);
      network.run(500);
    }
    expect(b.node.tunReceived).toHaveLength(2 * seconds);
    expect(a.node.tunReceived).toHaveLength(seconds);
    // Sessions at 0, ~120, ~240, ~360 s: all started by a, the keypairs' initiator.
    expect(completions(a, 'initiator')).toBe(4);
    expect(completions(b, 'responder')).toBe(4);
    expect(sentOfType(pair, b, 1)).toBe(0);
    expect(a.events.some((e) => e.type === 'packet-dropped')).toBe(false);
    expect(b.events.some((e) => e.type === 'packet-dropped')).toBe(false);
  });

  it('rekeys under reordering and loss-free jitter without dropping data', () => {
    const pair = createDevicePair({ network: { latencyMs: 5, reorderJitterMs: 20 } });
    const { a, b, network } = pair;
    let sent = 0;
    for (let step = 0; step < 1300; step++) {
      a.node.sendFromTun([v4(a, b, step), v4(a, b, step + 1)]);
      b.node.sendFromTun([v4(b, a, step)]);
      sent += 2;
      network.run(100);
    }
    network.run(1000);
    expect(completions(a, 'initiator')).toBeGreaterThanOrEqual(2);
    // Staged packets before the first session and reordered packets all arrive: the replay window tolerates reordering.
    expect(b.node.tunReceived).toHaveLength(sent);
    expect(a.node.tunReceived).toHaveLength(1300);
  });

  it('the former responder may start a rekey; the former initiator then answers as responder', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    a.node.sendFromTun([v4(a, b, 1)]);
    network.run(10);
    // Both keep quiet past REJECT_AFTER_TIME: nobody may send on the old keypair any more.
    network.run(200_000);
    const fromB = [v4(b, a, 2), v6(b, a, 3)];
    b.node.sendFromTun(fromB);
    network.run(10);
    expect(sentOfType(pair, b, 1)).toBe(1);
    expect(completions(b, 'initiator')).toBe(1);
    expect(completions(a, 'responder')).toBe(1);
    expect(a.node.tunReceived).toEqual(fromB);
    a.node.sendFromTun([v4(a, b, 4)]);
    network.run(10);
    expect(b.node.tunReceived).toHaveLength(2);
    expect(sentOfType(pair, a, 1)).toBe(1); // a did not need a handshake of its own
  });

  it('a responder keeps sending on its current keypair until the new one is confirmed', () => {
    const pair = createDevicePair();
    const { a, b, network } = pair;
    a.node.sendFromTun([v4(a, b, 1)]);
    network.run(10);
    // b's data goes unanswered (a's transport is blackholed): after 15 s b starts a handshake itself.
    // b's transport after that initiation is held back too, so a never gets key confirmation.
    let aTransportFlows = false;
    let bInitiated = false;
    network.filter = (d) => {
      if (d.sender === b.node && d.data[0] === 1) bInitiated = true;
      if (d.sender === a.node && d.data[0] === 4) return aTransportFlows;
      return !(d.sender === b.node && d.data[0] === 4 && bInitiated);
    };
    b.node.sendFromTun([v4(b, a, 2)]);
    network.run(16_000);
    expect(sentOfType(pair, b, 1)).toBe(1);
    expect(completions(b, 'initiator')).toBe(1);
    expect(completions(a, 'responder')).toBe(0);
    // a's new keypair waits in `next`; its data still goes out on the old current one, which b kept as previous.
    aTransportFlows = true;
    a.node.sendFromTun([v4(a, b, 3)]);
    network.run(10);
    expect(b.node.tunReceived).toHaveLength(2);
    expect(sentOfType(pair, a, 1)).toBe(1); // only the very first handshake
    // Once b's traffic on the new keypair arrives, a promotes it.
    network.filter = null;
    b.node.sendFromTun([v4(b, a, 4)]);
    network.run(10);
    expect(completions(a, 'responder')).toBe(1);
    expect(a.node.tunReceived).toHaveLength(2);
  });
});
