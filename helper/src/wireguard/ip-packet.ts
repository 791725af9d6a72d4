// Just enough IPv4/IPv6 header reading for routing, the inner-length trim and padding (wireguard-go send.go/receive.go).
import { PADDING_MULTIPLE } from './constants.js';

export const IPV4_HEADER_BYTES = 20;
export const IPV6_HEADER_BYTES = 40;
const IPV4_TOTAL_LENGTH_OFFSET = 2;
const IPV4_SOURCE_OFFSET = 12;
const IPV4_DESTINATION_OFFSET = 16;
const IPV6_PAYLOAD_LENGTH_OFFSET = 4;
const IPV6_SOURCE_OFFSET = 8;
const IPV6_DESTINATION_OFFSET = 24;

/** 4 or 16 when `packet[offset..offset+length)` has a complete IPv4/IPv6 fixed header, else 0. */
export function addressBytesOf(packet: Uint8Array, offset: number, length: number): 0 | 4 | 16 {
  if (length < 1) return 0;
  const version = (packet[offset] ?? 0) >>> 4;
  if (version === 4) return length >= IPV4_HEADER_BYTES ? 4 : 0;
  if (version === 6) return length >= IPV6_HEADER_BYTES ? 16 : 0;
  return 0;
}

/** Offset of the destination address of a packet whose family `addressBytesOf` returned. */
export function destinationOffset(addressBytes: 4 | 16): number {
  return addressBytes === 4 ? IPV4_DESTINATION_OFFSET : IPV6_DESTINATION_OFFSET;
}

/** Offset of the source address of a packet whose family `addressBytesOf` returned. */
export function sourceOffset(addressBytes: 4 | 16): number {
  return addressBytes === 4 ? IPV4_SOURCE_OFFSET : IPV6_SOURCE_OFFSET;
}

/**
 * The length the IP header claims (IPv4 total length; IPv6 payload length + 40), which strips the
 * sender's padding; -1 when the header is impossible for `available` plaintext bytes.
 */
export function claimedLength(packet: Uint8Array, offset: number, available: number, addressBytes: 4 | 16): number {
  if (addressBytes === 4) {
    const total = readU16BE(packet, offset + IPV4_TOTAL_LENGTH_OFFSET);
    return total >= IPV4_HEADER_BYTES && total <= available ? total : -1;
  }
  const total = readU16BE(packet, offset + IPV6_PAYLOAD_LENGTH_OFFSET) + IPV6_HEADER_BYTES;
  return total <= available ? total : -1;
}

/**
 * Plaintext length after zero padding to a multiple of 16, never beyond the MTU; packets already
 * over the MTU are padded on `length mod mtu` like the kernel and wireguard-go.
 */
export function paddedLength(packetBytes: number, mtuBytes: number): number {
  if (mtuBytes <= 0) return roundUp(packetBytes);
  const lastUnit = packetBytes > mtuBytes ? packetBytes % mtuBytes : packetBytes;
  return packetBytes + Math.min(roundUp(lastUnit), mtuBytes) - lastUnit;
}

const roundUp = (n: number): number => Math.ceil(n / PADDING_MULTIPLE) * PADDING_MULTIPLE;

function readU16BE(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}
