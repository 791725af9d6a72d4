// Turns Endpoint objects into the 20-byte address records the native sendmmsg takes, parsing each address
// once: the device sends to the same few peer endpoints over and over.
import type { Endpoint } from './endpoint.js';
import { ADDRESS_RECORD_BYTES } from './source-endpoints.js';

interface CachedRecord {
  address: string;
  port: number;
  record: Uint8Array;
}

export class DestinationRecords {
  private readonly byEndpoint = new WeakMap<Endpoint, CachedRecord>();
  private readonly byAddress = new Map<string, Uint8Array | null>();

  /** `parse` gives 16 bytes (IPv4 as v4-mapped) or null for text that is not an IP literal. */
  constructor(private readonly parse: (address: string) => Uint8Array | null, private readonly maxEntries = 4096) {}

  /** The record for `endpoint`, or null if its address or port is unusable. The endpoint's fields are
   *  re-checked on every hit, so a caller that mutates an Endpoint object still gets the right record. */
  recordFor(endpoint: Endpoint): Uint8Array | null {
    const hit = this.byEndpoint.get(endpoint);
    if (hit !== undefined && hit.address === endpoint.address && hit.port === endpoint.port) return hit.record;
    const record = this.build(endpoint);
    if (record !== null) this.byEndpoint.set(endpoint, { address: endpoint.address, port: endpoint.port, record });
    return record;
  }

  private build(endpoint: Endpoint): Uint8Array | null {
    const { port } = endpoint;
    if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
    const address = this.addressBytes(endpoint.address);
    if (address === null) return null;
    const record = new Uint8Array(ADDRESS_RECORD_BYTES);
    record.set(address);
    record[16] = port >> 8;
    record[17] = port & 0xff;
    return record;
  }

  private addressBytes(text: string): Uint8Array | null {
    const hit = this.byAddress.get(text);
    if (hit !== undefined) return hit;
    if (this.byAddress.size >= this.maxEntries) this.byAddress.clear();
    const bytes = this.parse(text);
    this.byAddress.set(text, bytes);
    return bytes;
  }
}
