// ICMP and ICMPv6 echo packets as Ferry's latency prober sends them into the tunnel and reads the replies (RFC 792, RFC 4443).
import { IPV4_HEADER_BYTES, IPV6_HEADER_BYTES } from '../wireguard/ip-packet.js';

const ECHO_HEADER_BYTES = 8;
const PROTOCOL_ICMP = 1;
const NEXT_HEADER_ICMPV6 = 58;
const ICMP_ECHO_REQUEST = 8;
const ICMP_ECHO_REPLY = 0;
const ICMPV6_ECHO_REQUEST = 128;
const ICMPV6_ECHO_REPLY = 129;
const PROBE_TTL = 64;

export interface EchoReply {
  identifier: number;
  sequence: number;
  /** The replying host (4 or 16 bytes; a view into the packet). */
  source: Uint8Array;
}

/** Ones'-complement sum of 16-bit words (RFC 1071), folded, not yet inverted. */
function onesComplementSum(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial;
  for (let i = start; i < end; i += 2) sum += ((bytes[i] ?? 0) << 8) | (i + 1 < end ? (bytes[i + 1] ?? 0) : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

function writeU16(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = (value >>> 8) & 0xff;
  bytes[offset + 1] = value & 0xff;
}

function readU16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

function writeEcho(packet: Uint8Array, at: number, type: number, identifier: number, sequence: number, payload: Uint8Array): void {
  packet[at] = type;
  writeU16(packet, at + 4, identifier);
  writeU16(packet, at + 6, sequence);
  packet.set(payload, at + ECHO_HEADER_BYTES);
}

/** An IPv4 or IPv6 echo request from `source` to `destination` (same family), checksums filled in. */
export function buildEchoRequest(source: Uint8Array, destination: Uint8Array, identifier: number, sequence: number, payload: Uint8Array): Uint8Array {
  if (source.length !== destination.length) throw new RangeError('source and destination must be the same family');
  return source.length === 4
    ? buildIpv4Echo(source, destination, identifier, sequence, payload)
    : buildIpv6Echo(source, destination, identifier, sequence, payload);
}

function buildIpv4Echo(source: Uint8Array, destination: Uint8Array, identifier: number, sequence: number, payload: Uint8Array): Uint8Array {
  const icmpBytes = ECHO_HEADER_BYTES + payload.length;
  const packet = new Uint8Array(IPV4_HEADER_BYTES + icmpBytes);
  packet[0] = 0x45;
  writeU16(packet, 2, packet.length);
  packet[8] = PROBE_TTL;
  packet[9] = PROTOCOL_ICMP;
  packet.set(source, 12);
  packet.set(destination, 16);
  writeU16(packet, 10, ~onesComplementSum(packet, 0, IPV4_HEADER_BYTES) & 0xffff);
  writeEcho(packet, IPV4_HEADER_BYTES, ICMP_ECHO_REQUEST, identifier, sequence, payload);
  writeU16(packet, IPV4_HEADER_BYTES + 2, ~onesComplementSum(packet, IPV4_HEADER_BYTES, packet.length) & 0xffff);
  return packet;
}

function buildIpv6Echo(source: Uint8Array, destination: Uint8Array, identifier: number, sequence: number, payload: Uint8Array): Uint8Array {
  const icmpBytes = ECHO_HEADER_BYTES + payload.length;
  const packet = new Uint8Array(IPV6_HEADER_BYTES + icmpBytes);
  packet[0] = 0x60;
  writeU16(packet, 4, icmpBytes);
  packet[6] = NEXT_HEADER_ICMPV6;
  packet[7] = PROBE_TTL;
  packet.set(source, 8);
  packet.set(destination, 24);
  writeEcho(packet, IPV6_HEADER_BYTES, ICMPV6_ECHO_REQUEST, identifier, sequence, payload);
  // The ICMPv6 checksum covers a pseudo-header: both addresses, the length and the next header.
  const pseudo = onesComplementSum(packet, 8, 40, icmpBytes + NEXT_HEADER_ICMPV6);
  writeU16(packet, IPV6_HEADER_BYTES + 2, ~onesComplementSum(packet, IPV6_HEADER_BYTES, packet.length, pseudo) & 0xffff);
  return packet;
}

/** The echo reply carried by `packet`, or null when it is anything else (checked cheaply: this runs per inbound packet). */
export function parseEchoReply(packet: Uint8Array): EchoReply | null {
  const version = (packet[0] ?? 0) >>> 4;
  if (version === 4) {
    const headerBytes = ((packet[0] ?? 0) & 0x0f) * 4;
    if (packet[9] !== PROTOCOL_ICMP || packet.length < headerBytes + ECHO_HEADER_BYTES) return null;
    if (packet[headerBytes] !== ICMP_ECHO_REPLY) return null;
    return { identifier: readU16(packet, headerBytes + 4), sequence: readU16(packet, headerBytes + 6), source: packet.subarray(12, 16) };
  }
  if (version === 6) {
    if (packet[6] !== NEXT_HEADER_ICMPV6 || packet.length < IPV6_HEADER_BYTES + ECHO_HEADER_BYTES) return null;
    if (packet[IPV6_HEADER_BYTES] !== ICMPV6_ECHO_REPLY) return null;
    return {
      identifier: readU16(packet, IPV6_HEADER_BYTES + 4),
      sequence: readU16(packet, IPV6_HEADER_BYTES + 6),
      source: packet.subarray(8, 24),
    };
  }
  return null;
}
