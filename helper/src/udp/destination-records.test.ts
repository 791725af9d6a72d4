// Endpoints become the 20-byte records sendmmsg takes; addresses are parsed once.
import { describe, expect, it } from 'vitest';
import { DestinationRecords } from './destination-records.js';

function fakeParse(calls: string[]): (text: string) => Uint8Array | null {
  return (text) => {
    calls.push(text);
    return text === 'bad' ? null : new Uint8Array(16).fill(text.length);
  };
}

describe('DestinationRecords', () => {
  it('writes address bytes and the big-endian port', () => {
    const records = new DestinationRecords(fakeParse([]));
    const record = records.recordFor({ address: '10.0.0.1', port: 0x1234 });
    expect(Array.from(record?.subarray(0, 16) ?? [])).toEqual(new Array<number>(16).fill(8));
    expect([record?.[16], record?.[17]]).toEqual([0x12, 0x34]);
  });

  it('returns null for an unusable address or port', () => {
    const records = new DestinationRecords(fakeParse([]));
    expect(records.recordFor({ address: 'bad', port: 1 })).toBeNull();
    for (const port of [0, 65536, 1.5]) expect(records.recordFor({ address: '::1', port })).toBeNull();
  });

  it('parses an address once and notices a mutated endpoint object', () => {
    const calls: string[] = [];
    const records = new DestinationRecords(fakeParse(calls));
    const endpoint = { address: '10.0.0.1', port: 1 };
    const first = records.recordFor(endpoint);
    expect(records.recordFor(endpoint)).toBe(first);
    expect(records.recordFor({ address: '10.0.0.1', port: 1 })).toEqual(first);
    endpoint.port = 2;
    expect(records.recordFor(endpoint)?.[17]).toBe(2);
    expect(calls).toEqual(['10.0.0.1']);
  });
});
