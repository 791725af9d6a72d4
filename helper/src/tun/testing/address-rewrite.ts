// Test support: rewrites the addresses of an IPv4/IPv6 TCP packet in place and recomputes its checksums (RFC 1071).

function sum16(bytes: Uint8Array, from: number, to: number, initial = 0): number {
  let sum = initial;
  for (let i = from; i + 1 < to; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  if ((to - from) % 2 === 1) sum += (bytes[to - 1] ?? 0) << 8;
  return sum;
}

function fold(sum: number): number {
  let folded = sum;
  while (folded > 0xffff) folded = (folded & 0xffff) + Math.floor(folded / 0x10000);
  return folded;
}

function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value >>> 8;
  bytes[at + 1] = value & 0xff;
}

/** Whether an IPv4/IPv6 TCP packet's checksum is correct; null for other packets. */
export function tcpChecksumValid(packet: Uint8Array): boolean | null {
  const layout = tcpLayout(packet);
  if (layout === null) return null;
  const { ipBytes, addressAt, addressBytes } = layout;
  const pseudo = sum16(packet, addressAt, addressAt + 2 * addressBytes) + 6 + (packet.length - ipBytes);
  return fold(sum16(packet, ipBytes, packet.length, pseudo)) === 0xffff;
}

function tcpLayout(packet: Uint8Array): { ipBytes: number; addressAt: number; addressBytes: number } | null {
  const version = (packet[0] ?? 0) >>> 4;
  if (version === 4 && packet[9] === 6) return { ipBytes: ((packet[0] ?? 0) & 0x0f) * 4, addressAt: 12, addressBytes: 4 };
  if (version === 6 && packet[6] === 6) return { ipBytes: 40, addressAt: 8, addressBytes: 16 };
  return null;
}

/**
 * Adds `sourceDelta`/`destinationDelta` to one byte of the source/destination address (`byteIndex` within the
 * address) and fixes the IPv4 header and TCP checksums. Returns false for packets that are not TCP.
 */
export function rewriteTcp(packet: Uint8Array, byteIndex: number, sourceDelta: number, destinationDelta: number): boolean {
  const layout = tcpLayout(packet);
  if (layout === null) return false;
  const { ipBytes, addressAt, addressBytes } = layout;
  packet[addressAt + byteIndex] = ((packet[addressAt + byteIndex] ?? 0) + sourceDelta) & 0xff;
  packet[addressAt + addressBytes + byteIndex] = ((packet[addressAt + addressBytes + byteIndex] ?? 0) + destinationDelta) & 0xff;
  if (addressBytes === 4) {
    put16(packet, 10, 0);
    put16(packet, 10, ~fold(sum16(packet, 0, ipBytes)) & 0xffff);
  }
  put16(packet, ipBytes + 16, 0);
  const pseudo = sum16(packet, addressAt, addressAt + 2 * addressBytes) + 6 + (packet.length - ipBytes);
  put16(packet, ipBytes + 16, ~fold(sum16(packet, ipBytes, packet.length, pseudo)) & 0xffff);
  return true;
}
