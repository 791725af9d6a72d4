// Source records from the native reader become shared Endpoint objects, formatted once per source.
import { describe, expect, it } from 'vitest';
import { ADDRESS_RECORD_BYTES, SourceEndpoints } from './source-endpoints.js';

function writeRecord(sources: SourceEndpoints, index: number, address: number[], port: number, family: 4 | 6): void {
  const offset = index * ADDRESS_RECORD_BYTES;
  sources.bytes.set(address, offset);
  sources.bytes[offset + 16] = port >> 8;
  sources.bytes[offset + 17] = port & 0xff;
  sources.bytes[offset + 18] = family;
}

const V4_MAPPED = (a: number, b: number, c: number, d: number): number[] => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, a, b, c, d];
const LOOPBACK_V6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

function fakeFormat(calls: string[]): (bytes: Uint8Array) => string {
  return (bytes) => {
    const text = Array.from(bytes).join('.');
    calls.push(text);
    return text;
  };
}

describe('SourceEndpoints', () => {
  it('decodes port and address, reusing one frozen object per source', () => {
    const calls: string[] = [];
    const sources = new SourceEndpoints(4, fakeFormat(calls));
    writeRecord(sources, 0, V4_MAPPED(10, 0, 0, 1), 51820, 4);
    writeRecord(sources, 1, LOOPBACK_V6, 443, 6);
    writeRecord(sources, 2, V4_MAPPED(10, 0, 0, 1), 51820, 4);
    writeRecord(sources, 3, V4_MAPPED(10, 0, 0, 1), 51821, 4);
    const endpoints = [0, 1, 2, 3].map((index) => sources.endpointAt(index));
    expect(endpoints[0]).toEqual({ address: V4_MAPPED(10, 0, 0, 1).join('.'), port: 51820 });
    expect(endpoints[1]?.port).toBe(443);
    expect(endpoints[2]).toBe(endpoints[0]);
    expect(endpoints[3]).not.toBe(endpoints[0]);
    expect(Object.isFrozen(endpoints[0])).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('bounds its cache so a flood of sources cannot grow memory without limit', () => {
    const calls: string[] = [];
    const sources = new SourceEndpoints(1, fakeFormat(calls), 2);
    for (const port of [1, 2, 3, 1]) {
      writeRecord(sources, 0, LOOPBACK_V6, port, 6);
      sources.endpointAt(0);
    }
    expect(calls).toHaveLength(4); // port 1 was evicted when the third source arrived
  });
});
