// Test support: builds and reads IPv4/UDP packets (RFC 791, RFC 768) as they cross a TUN device.
const IPV4_HEADER_BYTES = 20;
const UDP_HEADER_BYTES = 8;
const PROTOCOL_UDP = 17;

export interface Ipv4Udp {
  source: string;
  destination: string;
  sourcePort: number;
  destinationPort: number;
  payload: Uint8Array;
}

function addressBytes(text: string): number[] {
  return text.split('.').map(Number);
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** UDP checksum 0 means "none" in IPv4, which the kernel accepts. */
export function buildIpv4Udp(packet: Ipv4Udp): Uint8Array {
  const total = IPV4_HEADER_BYTES + UDP_HEADER_BYTES + packet.payload.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, 0x45);
  view.setUint16(2, total);
  view.setUint8(8, 64);
  view.setUint8(9, PROTOCOL_UDP);
  bytes.set(addressBytes(packet.source), 12);
  bytes.set(addressBytes(packet.destination), 16);
  view.setUint16(10, checksum(bytes.subarray(0, IPV4_HEADER_BYTES)));
  view.setUint16(20, packet.sourcePort);
  view.setUint16(22, packet.destinationPort);
  view.setUint16(24, UDP_HEADER_BYTES + packet.payload.length);
  bytes.set(packet.payload, IPV4_HEADER_BYTES + UDP_HEADER_BYTES);
  return bytes;
}

/** The UDP datagram in an IPv4 packet with a 20-byte header, or null for anything else. */
export function readIpv4Udp(bytes: Uint8Array): Ipv4Udp | null {
  if (bytes.length < IPV4_HEADER_BYTES + UDP_HEADER_BYTES || bytes[0] !== 0x45 || bytes[9] !== PROTOCOL_UDP) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    source: Array.from(bytes.subarray(12, 16)).join('.'),
    destination: Array.from(bytes.subarray(16, 20)).join('.'),
    sourcePort: view.getUint16(20),
    destinationPort: view.getUint16(22),
    payload: bytes.slice(IPV4_HEADER_BYTES + UDP_HEADER_BYTES, view.getUint16(2)),
  };
}

/** Whether the IPv4 header checksum verifies (summing a correct header, checksum included, gives 0). */
export function ipv4HeaderChecksumValid(bytes: Uint8Array): boolean {
  return checksum(bytes.subarray(0, IPV4_HEADER_BYTES)) === 0;
}
