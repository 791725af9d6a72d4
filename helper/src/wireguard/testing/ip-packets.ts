// Builders for minimal IPv4/IPv6 packets (headers with correct lengths, no checksums) for device tests.

export interface PacketSpec {
  source: Uint8Array;
  destination: Uint8Array;
  /** Payload bytes after the fixed header; filled with a counting pattern tagged by `tag`. */
  payloadBytes: number;
  tag?: number;
}

/** An IPv4 packet of 20 + payloadBytes bytes (protocol 17) whose total-length field is exact. */
export function ipv4Packet(spec: PacketSpec): Uint8Array {
  const total = 20 + spec.payloadBytes;
  const packet = new Uint8Array(total);
  packet[0] = 0x45;
  packet[2] = total >>> 8;
  packet[3] = total & 0xff;
  packet[8] = 64;
  packet[9] = 17;
  packet.set(spec.source, 12);
  packet.set(spec.destination, 16);
  fillPayload(packet, 20, spec.tag ?? 0);
  return packet;
}

/** An IPv6 packet of 40 + payloadBytes bytes (next header 17) whose payload-length field is exact. */
export function ipv6Packet(spec: PacketSpec): Uint8Array {
  const packet = new Uint8Array(40 + spec.payloadBytes);
  packet[0] = 0x60;
  packet[4] = spec.payloadBytes >>> 8;
  packet[5] = spec.payloadBytes & 0xff;
  packet[6] = 17;
  packet[7] = 64;
  packet.set(spec.source, 8);
  packet.set(spec.destination, 24);
  fillPayload(packet, 40, spec.tag ?? 0);
  return packet;
}

function fillPayload(packet: Uint8Array, start: number, tag: number): void {
  for (let i = start; i < packet.length; i++) packet[i] = (i + tag) & 0xff;
}

/** Parses "10.0.0.1" or a fully written/compressed IPv6 literal into bytes (test inputs only). */
export function ip(text: string): Uint8Array {
  if (text.includes('.')) return Uint8Array.from(text.split('.'), Number);
  const [head = '', tail] = text.split('::');
  const groups = (s: string): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = groups(tail ?? '');
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return Uint8Array.from(words.flatMap((w) => [w >>> 8, w & 0xff]));
}
