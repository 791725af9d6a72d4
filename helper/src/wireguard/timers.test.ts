// The timer hooks' one-line contracts, checked one by one on a fake clock.
import { describe, it, expect } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { PeerTimers } from './timers.js';
import type { Random } from './random.js';

const fixedJitter = (fraction: number): Random => ({ bytes: (n) => new Uint8Array(n), uint32: () => 0, float: () => fraction });

function timers(persistentKeepaliveMs = 0, jitterFraction = 0.5): { t: PeerTimers; clock: FakeClock } {
  const clock = new FakeClock();
  const t = new PeerTimers(clock, fixedJitter(jitterFraction), persistentKeepaliveMs);
  t.start();
  return { t, clock };
}

describe('PeerTimers', () => {
  it('arms nothing while inactive', () => {
    const { t } = timers(25_000);
    t.stop();
    t.timersDataSent();
    t.timersDataReceived();
    t.timersHandshakeInitiated();
    t.timersSessionDerived();
    t.timersAnyAuthenticatedPacketTraversal();
    expect(t.nextDeadlineMs()).toBe(Infinity);
  });

  it('DataSent arms newHandshake at 15 s + jitter once; AnyAuthenticatedPacketReceived clears it', () => {
    const { t, clock } = timers(0, 0.999);
    const now = clock.nowMs();
    t.timersDataSent();
    expect(t.deadlineMs.newHandshake).toBe(now + 15_000 + 333);
    clock.advance(1000);
    t.timersDataSent();
    expect(t.deadlineMs.newHandshake).toBe(now + 15_333);
    t.timersAnyAuthenticatedPacketReceived();
    expect(t.isPending('newHandshake')).toBe(false);
  });

  it('DataReceived arms sendKeepalive at 10 s or asks for another; any send clears it', () => {
    const { t, clock } = timers();
    t.timersDataReceived();
    expect(t.deadlineMs.sendKeepalive).toBe(clock.nowMs() + 10_000);
    t.timersDataReceived();
    expect(t.needAnotherKeepalive).toBe(true);
    t.timersAnyAuthenticatedPacketSent();
    expect(t.isPending('sendKeepalive')).toBe(false);
  });

  it('HandshakeInitiated arms the retransmit at 5 s + jitter; HandshakeComplete clears it and the counters', () => {
    const { t, clock } = timers(0, 0);
    t.handshakeAttempts = 7;
    t.sentLastMinuteHandshake = true;
    t.timersHandshakeInitiated();
    expect(t.deadlineMs.retransmitHandshake).toBe(clock.nowMs() + 5_000);
    t.timersHandshakeComplete();
    expect(t.isPending('retransmitHandshake')).toBe(false);
    expect(t.handshakeAttempts).toBe(0);
    expect(t.sentLastMinuteHandshake).toBe(false);
  });

  it('SessionDerived arms zeroKeyMaterial at 540 s; Traversal re-arms the persistent keepalive', () => {
    const { t, clock } = timers(25_000);
    t.timersSessionDerived();
    expect(t.deadlineMs.zeroKeyMaterial).toBe(clock.nowMs() + 540_000);
    t.timersAnyAuthenticatedPacketTraversal();
    clock.advance(10_000);
    t.timersAnyAuthenticatedPacketTraversal();
    expect(t.deadlineMs.persistentKeepalive).toBe(clock.nowMs() + 25_000);
  });

  it('hands out expired timers earliest first, each once', () => {
    const { t, clock } = timers(25_000);
    t.timersHandshakeInitiated(); // 5.167 s
    t.timersDataReceived(); // 10 s
    t.timersAnyAuthenticatedPacketTraversal(); // 25 s
    clock.advance(30_000);
    const now = clock.nowMs();
    expect([t.takeExpired(now), t.takeExpired(now), t.takeExpired(now), t.takeExpired(now)])
      .toEqual(['retransmitHandshake', 'sendKeepalive', 'persistentKeepalive', null]);
    expect(t.nextDeadlineMs()).toBe(Infinity);
  });
});
