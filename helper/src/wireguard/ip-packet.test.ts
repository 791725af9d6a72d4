// Padding sizes, header families and the inner-length trim rules.
import { describe, it, expect } from 'vitest';
import { addressBytesOf, claimedLength, paddedLength } from './ip-packet.js';
import { ip, ipv4Packet, ipv6Packet } from './testing/ip-packets.js';

describe('paddedLength', () => {
  it.each([
    [0, 1420, 0], [1, 1420, 16], [44, 1420, 48], [84, 1420, 96], [96, 1420, 96], [1408, 1420, 1408], [1410, 1420, 1420],
    [1417, 1420, 1420], [1420, 1420, 1420], [1421, 1420, 1421 + 15], [1500, 1420, 1500], [2850, 1420, 2856],
    [1281, 1282, 1282], [100, 0, 112],
  ])('%i bytes at MTU %i → %i', (bytes, mtu, expected) => {
    expect(paddedLength(bytes, mtu)).toBe(expected);
  });
});

describe('IP header reading', () => {
  const v4 = ipv4Packet({ source: ip('10.0.0.1'), destination: ip('10.0.0.2'), payloadBytes: 8 });
  const v6 = ipv6Packet({ source: ip('fd00::1'), destination: ip('fd00::2'), payloadBytes: 8 });

  it('recognises complete IPv4 and IPv6 headers only', () => {
    expect(addressBytesOf(v4, 0, v4.length)).toBe(4);
    expect(addressBytesOf(v6, 0, v6.length)).toBe(16);
    expect(addressBytesOf(v4, 0, 19)).toBe(0);
    expect(addressBytesOf(v6, 0, 39)).toBe(0);
    expect(addressBytesOf(Uint8Array.of(0x50, ...new Array<number>(40).fill(0)), 0, 41)).toBe(0);
    expect(addressBytesOf(new Uint8Array(0), 0, 0)).toBe(0);
  });

  it('trims padding to the claimed length and rejects impossible lengths', () => {
    const padded = new Uint8Array(48);
    padded.set(v4);
    expect(claimedLength(padded, 0, 48, 4)).toBe(28);
    const v6Padded = new Uint8Array(64);
    v6Padded.set(v6);
    expect(claimedLength(v6Padded, 0, 64, 16)).toBe(48);
    const short = Uint8Array.from(v4);
    short[3] = 19; // total length below the header
    expect(claimedLength(short, 0, short.length, 4)).toBe(-1);
    expect(claimedLength(v4, 0, 27, 4)).toBe(-1);
    expect(claimedLength(v6, 0, 47, 16)).toBe(-1);
  });
});
