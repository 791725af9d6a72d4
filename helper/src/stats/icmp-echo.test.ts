import { describe, expect, it } from 'vitest';
import { buildEchoRequest, parseEchoReply } from './icmp-echo.js';

const V4_CLIENT = Uint8Array.of(10, 66, 0, 2);
const V4_SERVER = Uint8Array.of(10, 66, 0, 1);
const V6_CLIENT = Uint8Array.of(0xfd, 0x66, ...new Array<number>(13).fill(0), 2);
const V6_SERVER = Uint8Array.of(0xfd, 0x66, ...new Array<number>(13).fill(0), 1);
const PAYLOAD = new TextEncoder().encode('probe');

/** RFC 1071: a region whose checksum field is right sums to 0xffff. */
function sums(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial;
  for (let i = start; i < end; i += 2) sum += ((bytes[i] ?? 0) << 8) | (i + 1 < end ? (bytes[i + 1] ?? 0) : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/** What the far end sends back: addresses swapped, type changed (checksums are not checked by the parser). */
function replyTo(request: Uint8Array): Uint8Array {
  const reply = Uint8Array.from(request);
  if (request.length > 0 && request[0]! >>> 4 === 4) {
    reply.set(request.subarray(16, 20), 12);
    reply.set(request.subarray(12, 16), 16);
    reply[20] = 0;
  } else {
    reply.set(request.subarray(24, 40), 8);
    reply.set(request.subarray(8, 24), 24);
    reply[40] = 129;
  }
  return reply;
}

describe('buildEchoRequest', () => {
  it('builds an IPv4 ICMP echo request with valid header and ICMP checksums', () => {
    const packet = buildEchoRequest(V4_CLIENT, V4_SERVER, 0x1234, 7, PAYLOAD);
    expect(packet.length).toBe(20 + 8 + PAYLOAD.length);
    expect([packet[0], packet[9], packet[20], packet[21]]).toEqual([0x45, 1, 8, 0]);
    expect([...packet.subarray(24, 28)]).toEqual([0x12, 0x34, 0, 7]);
    expect(sums(packet, 0, 20)).toBe(0xffff);
    expect(sums(packet, 20, packet.length)).toBe(0xffff);
  });

  it('builds an ICMPv6 echo request whose checksum covers the pseudo-header', () => {
    const packet = buildEchoRequest(V6_CLIENT, V6_SERVER, 0xbeef, 1, PAYLOAD);
    const icmpBytes = 8 + PAYLOAD.length;
    expect([packet[0], packet[6], packet[40]]).toEqual([0x60, 58, 128]);
    expect((packet[4]! << 8) | packet[5]!).toBe(icmpBytes);
    expect(sums(packet, 40, packet.length, sums(packet, 8, 40, icmpBytes + 58))).toBe(0xffff);
  });

  it('refuses mixed families', () => {
    expect(() => buildEchoRequest(V4_CLIENT, V6_SERVER, 1, 1, PAYLOAD)).toThrow(RangeError);
  });
});

describe('parseEchoReply', () => {
  it.each([
    { family: 'IPv4', request: buildEchoRequest(V4_CLIENT, V4_SERVER, 0x1234, 9, PAYLOAD), source: V4_SERVER },
    { family: 'IPv6', request: buildEchoRequest(V6_CLIENT, V6_SERVER, 0x1234, 9, PAYLOAD), source: V6_SERVER },
  ])('reads identifier, sequence and source of an $family reply', ({ request, source }) => {
    const reply = parseEchoReply(replyTo(request));
    expect(reply).not.toBeNull();
    expect([reply!.identifier, reply!.sequence, [...reply!.source]]).toEqual([0x1234, 9, [...source]]);
  });

  it.each([
    { name: 'an echo request', packet: buildEchoRequest(V4_CLIENT, V4_SERVER, 1, 1, PAYLOAD) },
    { name: 'an ICMPv6 echo request', packet: buildEchoRequest(V6_CLIENT, V6_SERVER, 1, 1, PAYLOAD) },
    { name: 'a UDP packet', packet: Uint8Array.of(0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, ...new Array<number>(18).fill(0)) },
    { name: 'a truncated packet', packet: Uint8Array.of(0x45, 0, 0, 20) },
    { name: 'nothing', packet: new Uint8Array(0) },
  ])('ignores $name', ({ packet }) => {
    expect(parseEchoReply(packet)).toBeNull();
  });
});
