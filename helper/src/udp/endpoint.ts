// Where a UDP datagram came from or goes to; wireguard/device.ts re-exports this type.
export interface Endpoint {
  /** IP literal without brackets; IPv4-mapped IPv6 addresses are written as plain IPv4. */
  address: string;
  port: number;
}
