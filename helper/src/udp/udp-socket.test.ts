// The native UDP socket on loopback, each case in its own network namespace (needs root).
import { describe, expect, it } from 'vitest';
import { runIsolated } from '../native/testing/netns.js';
import type { Endpoint } from './endpoint.js';

const udpScenario = new URL('./testing/udp-scenario.ts', import.meta.url);
const ENETUNREACH = 101;

interface LoopbackResult {
  family: number;
  portA: number;
  portB: number;
  sentV4: number;
  sentV6: number;
  texts: string[];
  batchSizes: number[];
  distinctSources: Endpoint[];
  sourcesFrozen: boolean;
  reply: { texts: string[]; from: Endpoint[] };
  countersA: { txPackets: number };
  countersB: { rxPackets: number };
}

describe('openUdpSocket', () => {
  it('sends and receives batches over IPv4 and IPv6 loopback with the right source endpoints', async () => {
    const result = (await runIsolated(udpScenario, ['loopback'])) as LoopbackResult;
    expect(result.family).toBe(6);
    expect(result.portA).toBeGreaterThan(0);
    expect([result.sentV4, result.sentV6]).toEqual([100, 100]);
    const expected = [...Array.from({ length: 100 }, (_, i) => `v4-${i}`), ...Array.from({ length: 100 }, (_, i) => `v6-${i}`)];
    expect(result.texts).toEqual(expected);
    expect(Math.max(...result.batchSizes)).toBeGreaterThan(1);
    // One shared object per source: IPv4 arrives on the dual-stack socket but reads as plain IPv4.
    expect(result.distinctSources).toEqual([{ address: '127.0.0.1', port: result.portA }, { address: '::1', port: result.portA }]);
    expect(result.sourcesFrozen).toBe(true);
    expect(result.reply).toEqual({ texts: ['pong'], from: [{ address: '::1', port: result.portB }] });
    expect(result.countersA.txPackets).toBe(200);
    expect(result.countersB.rxPackets).toBe(200);
  });

  it('skips and counts unusable destinations and refused sends, and drops oversized datagrams', async () => {
    const result = (await runIsolated(udpScenario, ['drops'])) as {
      sent: number; texts: string[]; countersA: { txDropped: number; lastTxErrno: number };
      tinyTexts: string[]; tinyCounters: { rxDropped: number; rxPackets: number }; sendAfterClose: number;
    };
    expect(result.sent).toBe(2);
    expect(result.texts).toEqual(['d0', 'd4']);
    expect(result.countersA.txDropped).toBe(3); // not an IP, port 0, no route
    expect(result.countersA.lastTxErrno).toBe(ENETUNREACH);
    expect(result.tinyTexts).toEqual(['small']);
    expect(result.tinyCounters).toMatchObject({ rxDropped: 1, rxPackets: 1 });
    expect(result.sendAfterClose).toBe(0);
  });

  it('sends runs of equal-sized datagrams to one destination as UDP GSO messages, which arrive whole and in order', async () => {
    const result = (await runIsolated(udpScenario, ['gso'])) as {
      sent: number; received: number; intact: boolean; kernelDatagrams: number; countersA: { txPackets: number; txDropped: number };
    };
    expect(result).toMatchObject({ sent: 181, received: 181, intact: true, countersA: { txPackets: 181, txDropped: 0 } });
    // The kernel counts one datagram per GSO message: 64 + 64 + 22 + 1 (short) + 20 + 10 would be 6 sends.
    expect(result.kernelDatagrams).toBeLessThan(20);
  });

  it('binds a chosen port and reports EADDRINUSE and EINVAL as error codes', async () => {
    const result = (await runIsolated(udpScenario, ['ports'])) as {
      chosen: number; localPort: number; secondCode: string; badPortCode: string;
    };
    expect(result.localPort).toBe(result.chosen);
    expect(result.secondCode).toBe('EADDRINUSE');
    expect(result.badPortCode).toBe('EINVAL');
  });

  it('marks its packets (fwmark) so policy routing applies, as setSocketMark does for node:dgram', async () => {
    const result = (await runIsolated(new URL('./testing/mark-scenario.ts', import.meta.url))) as {
      sentMarked: number; sentUnmarked: number; unmarkedErrno: number; texts: string[];
    };
    expect(result.sentMarked).toBe(1);
    expect(result.sentUnmarked).toBe(0);
    expect(result.unmarkedErrno).toBe(ENETUNREACH);
    expect(result.texts).toEqual(['dgram-marked', 'native-marked']);
  });

  it('runs nextTicks and microtasks after each batch callback and routes a throw to uncaughtException', async () => {
    const result = (await runIsolated(new URL('./testing/callback-scenario.ts', import.meta.url))) as {
      firstRound: string[]; uncaught: string[]; batchesAtB: number;
    };
    for (const name of ['b', 'c']) {
      const at = result.firstRound.indexOf(name);
      expect(result.firstRound.slice(at, at + 3)).toEqual([name, `${name}-tick`, `${name}-micro`]);
    }
    expect(result.uncaught).toEqual(['thrown by a batch callback']);
    expect(result.batchesAtB).toBe(3); // the reader kept going after the throw
  });
});
