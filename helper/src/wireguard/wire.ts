// Little-endian field readers for WireGuard message headers (whitepaper §5.4: all integers little-endian).

export function readU32LE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8) | ((bytes[offset + 2] ?? 0) << 16)
    | ((bytes[offset + 3] ?? 0) << 24)) >>> 0;
}

export function writeU32LE(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value;
  bytes[offset + 1] = value >>> 8;
  bytes[offset + 2] = value >>> 16;
  bytes[offset + 3] = value >>> 24;
}

/** Type and the three reserved bytes as one u32, as wireguard-go and the kernel read it: reserved bytes must be zero. */
export function messageType(datagram: Uint8Array): number {
  return datagram.length < 4 ? 0 : readU32LE(datagram, 0);
}
