// Address bytes for cookies and endpoint equality.
import { describe, it, expect } from 'vitest';
import { addressBytes, sameEndpoint } from './endpoint.js';

describe('addressBytes', () => {
  it.each([
    ['192.0.2.1', [192, 0, 2, 1]],
    ['::', new Array<number>(16).fill(0)],
    ['::1', [...new Array<number>(15).fill(0), 1]],
    ['2001:db8::2', [0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 2]],
    ['fe80::1%eth0', [0xfe, 0x80, ...new Array<number>(13).fill(0), 1]],
    ['::ffff:192.0.2.1', [...new Array<number>(10).fill(0), 0xff, 0xff, 192, 0, 2, 1]],
    ['1:2:3:4:5:6:7:8', [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
    ['not-an-ip', []],
  ])('%s', (text, bytes) => {
    expect([...addressBytes(text)]).toEqual(bytes);
  });
});

describe('sameEndpoint', () => {
  it('compares address and port', () => {
    expect(sameEndpoint({ address: '::1', port: 1 }, { address: '::1', port: 1 })).toBe(true);
    expect(sameEndpoint({ address: '::1', port: 1 }, { address: '::1', port: 2 })).toBe(false);
    expect(sameEndpoint(undefined, { address: '::1', port: 2 })).toBe(false);
  });
});
