// The native TUN device carrying real packets, each case in its own network namespace (needs root).
import { describe, expect, it } from 'vitest';
import { runIsolated } from '../native/testing/netns.js';

const scenario = new URL('./testing/tun-scenario.ts', import.meta.url);
const offloadScenario = new URL('./testing/offload-scenario.ts', import.meta.url);

interface OffloadResult {
  offload: boolean[];
  transfers: boolean[];
  aToB: { segments: number; largest: number; badChecksums: number };
  bToA: { segments: number; largest: number; badChecksums: number };
  kernelA: { tx: number; rx: number };
  kernelB: { tx: number; rx: number };
  countersA: { rxPackets: number; txPackets: number; txDropped: number };
  countersB: { rxPackets: number; txPackets: number; txDropped: number };
}

interface ExchangeResult {
  name: string;
  header: number[];
  checksumValid: boolean;
  request: { source: string; destination: string; destinationPort: number; payload: string };
  written: number;
  reply: { text: string; from: { address: string; port: number } };
  secondOpen: string | null;
  counters: { rxPackets: number; txPackets: number; txDropped: number };
  interfaceAfterClose: boolean;
}

describe('openTun', () => {
  it('opens the chosen name, reads a routed UDP packet and delivers a written reply', async () => {
    const result = (await runIsolated(scenario, ['exchange'])) as ExchangeResult;
    expect(result.name).toBe('ferrytest0');
    expect(result.header[0]).toBe(0x45); // IPv4, 20-byte header: IFF_NO_PI leaves no packet-info prefix
    expect(result.header[9]).toBe(17); // UDP
    expect(result.header.slice(12, 16)).toEqual([10, 66, 0, 1]);
    expect(result.header.slice(16, 20)).toEqual([10, 66, 0, 2]);
    expect(result.checksumValid).toBe(true);
    expect(result.request).toMatchObject({ source: '10.66.0.1', destination: '10.66.0.2', destinationPort: 9999, payload: 'ping' });
    expect(result.written).toBe(1);
    expect(result.reply).toEqual({ text: 'pong', from: expect.objectContaining({ address: '10.66.0.2', port: 9999 }) });
    expect(result.counters.txPackets).toBe(1);
    expect(result.counters.txDropped).toBe(0);
    expect(result.counters.rxPackets).toBeGreaterThanOrEqual(1);
  });

  it('refuses a second open of an attached name with EBUSY and removes the interface on close', async () => {
    const result = (await runIsolated(scenario, ['exchange'])) as ExchangeResult;
    expect(result.secondOpen).toBe('EBUSY');
    expect(result.interfaceAfterClose).toBe(false);
  });

  it('hands packets queued in the device to JS in batches, none lost', async () => {
    const result = (await runIsolated(scenario, ['burst'])) as { batchSizes: number[]; distinctPayloads: number };
    expect(result.distinctPayloads).toBe(200);
    expect(Math.max(...result.batchSizes)).toBeGreaterThan(1);
    expect(result.batchSizes.every((size) => size <= 128)).toBe(true);
    expect(result.batchSizes.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('carries TCP through two offloading TUNs: super-packets cut to the MTU with valid checksums, writes coalesced', async () => {
    const result = (await runIsolated(offloadScenario)) as OffloadResult;
    expect(result.offload).toEqual([true, true]);
    expect(result.transfers).toEqual([true, true, true, true]); // 8 MB up and down over IPv4 and IPv6, SHA-256 equal
    for (const forwarded of [result.aToB, result.bToA]) {
      expect(forwarded.largest).toBeLessThanOrEqual(1420);
      expect(forwarded.badChecksums).toBe(0);
    }
    // The kernel sent fewer (larger) packets into A than JS read segments: TSO super-packets were cut natively.
    expect(result.kernelA.tx * 4).toBeLessThan(result.countersA.rxPackets);
    // And took fewer packets out of B than JS wrote: segments of one flow were coalesced into GSO writes.
    expect(result.kernelB.rx * 4).toBeLessThan(result.countersB.txPackets);
    expect(result.countersB.txDropped).toBe(0);
  });

  it('carries the same TCP traffic without offloads, one kernel packet per segment', async () => {
    const result = (await runIsolated(offloadScenario, ['plain'])) as OffloadResult;
    expect(result.offload).toEqual([false, false]);
    expect(result.transfers).toEqual([true, true, true, true]);
    expect(result.kernelA.tx).toBe(result.countersA.rxPackets);
    expect(result.aToB.badChecksums + result.bToA.badChecksums).toBe(0);
  });
});
