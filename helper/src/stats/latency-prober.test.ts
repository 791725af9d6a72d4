import { describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import type { Random } from '../wireguard/random.js';
import { LatencyProber } from './latency-prober.js';

const CLIENT = Uint8Array.of(10, 66, 0, 2);
const SERVER = Uint8Array.of(10, 66, 0, 1);
const fixedRandom: Random = { bytes: (n) => new Uint8Array(n), uint32: () => 0xabcd1234, float: () => 0 };

function replyTo(request: Uint8Array, from = SERVER): Uint8Array {
  const reply = Uint8Array.from(request);
  reply.set(from, 12);
  reply.set(request.subarray(12, 16), 16);
  reply[20] = 0;
  return reply;
}

function setup(options = {}) {
  const clock = new FakeClock();
  const prober = new LatencyProber({ source: CLIENT, destination: SERVER }, clock, fixedRandom, options);
  return { clock, prober };
}

describe('LatencyProber', () => {
  it('reports nothing before any reply', () => {
    const { prober } = setup();
    prober.nextProbe();
    expect(prober.reading()).toEqual({ latencyMs: null, jitterMs: null, lossPercent: null });
  });

  it('measures RTT, jitter as the mean deviation, and takes its replies out of the stream', () => {
    const { clock, prober } = setup();
    for (const rttMs of [10, 20, 30]) {
      const probe = prober.nextProbe();
      clock.advance(rttMs);
      expect(prober.takeReply(replyTo(probe))).toBe(true);
      clock.advance(1000 - rttMs);
    }
    // mean 20, deviations 10, 0, 10
    expect(prober.reading()).toEqual({ latencyMs: 30, jitterMs: 20 / 3, lossPercent: 0 });
  });

  it('counts a probe unanswered for the timeout as lost, and ignores its late reply', () => {
    const { clock, prober } = setup({ timeoutMs: 2000 });
    const lostProbe = prober.nextProbe();
    clock.advance(1000);
    const answered = prober.nextProbe();
    clock.advance(5);
    prober.takeReply(replyTo(answered));
    clock.advance(1500);
    expect(prober.reading()).toMatchObject({ latencyMs: 5, lossPercent: 50 });
    expect(prober.takeReply(replyTo(lostProbe))).toBe(true);
    expect(prober.reading().lossPercent).toBe(50);
  });

  it('leaves alone replies that are not its own', () => {
    const { prober } = setup();
    const probe = prober.nextProbe();
    const otherIdentifier = replyTo(probe);
    otherIdentifier[24] = (otherIdentifier[24] ?? 0) ^ 0xff;
    expect(prober.takeReply(otherIdentifier)).toBe(false);
    expect(prober.takeReply(replyTo(probe, Uint8Array.of(10, 66, 0, 9)))).toBe(false);
  });

  it('forgets outcomes beyond its window', () => {
    const { clock, prober } = setup({ windowSize: 2, timeoutMs: 100 });
    prober.nextProbe();
    clock.advance(200);
    for (let i = 0; i < 2; i++) {
      const probe = prober.nextProbe();
      clock.advance(1);
      prober.takeReply(replyTo(probe));
    }
    expect(prober.reading().lossPercent).toBe(0);
  });
});
