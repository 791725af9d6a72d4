// The native TUN device carrying real packets, each case in its own network namespace (needs root).
import { describe, expect, it } from 'vitest';
import { runIsolated } from '../native/testing/netns.js';

const scenario = new URL('./testing/tun-scenario.ts', import.meta.url);

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
});
