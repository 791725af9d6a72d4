// Turns the 20-byte source-address records the native reader writes into shared Endpoint objects, cheaply:
// a batch usually comes from one or a few peers, so repeated sources must cost a compare, not a string.
import type { Endpoint } from './endpoint.js';

/** Record layout (see helper/native/src/io-handle.h): address [0..15] (IPv4 v4-mapped), port BE [16..17],
 *  family 4 or 6 [18], zero [19]. Five 32-bit words, so records compare as words. */
export const ADDRESS_RECORD_BYTES = 20;
const RECORD_WORDS = ADDRESS_RECORD_BYTES / 4;

export class SourceEndpoints {
  readonly bytes: Uint8Array;
  private readonly words: Uint32Array;
  private readonly ipv4 = new Map<number, Endpoint>();
  private readonly ipv6 = new Map<string, Endpoint>();
  private readonly lastWords = new Uint32Array(RECORD_WORDS);
  private lastEndpoint: Endpoint | null = null;

  /** `maxEntries` bounds each cache, so a flood of spoofed sources cannot grow memory without limit. */
  constructor(batchSize: number, private readonly format: (address: Uint8Array) => string,
    private readonly maxEntries = 4096) {
    this.bytes = new Uint8Array(batchSize * ADDRESS_RECORD_BYTES);
    this.words = new Uint32Array(this.bytes.buffer);
  }

  /** The (frozen, shared) endpoint for record `index`. */
  endpointAt(index: number): Endpoint {
    const base = index * RECORD_WORDS;
    const last = this.lastWords;
    const words = this.words;
    if (this.lastEndpoint !== null && words[base] === last[0] && words[base + 1] === last[1] &&
      words[base + 2] === last[2] && words[base + 3] === last[3] && words[base + 4] === last[4]) {
      return this.lastEndpoint;
    }
    last.set(words.subarray(base, base + RECORD_WORDS));
    this.lastEndpoint = this.lookUp(index);
    return this.lastEndpoint;
  }

  private lookUp(index: number): Endpoint {
    const offset = index * ADDRESS_RECORD_BYTES;
    const port = ((this.bytes[offset + 16] ?? 0) << 8) | (this.bytes[offset + 17] ?? 0);
    const base = index * RECORD_WORDS;
    if (this.bytes[offset + 18] === 4) {
      // Address word × 2^16 + port stays below 2^48: an exact number key.
      const key = (this.words[base + 3] ?? 0) * 65536 + port;
      return this.cached(this.ipv4, key, offset, port);
    }
    const key = `${this.words[base]},${this.words[base + 1]},${this.words[base + 2]},${this.words[base + 3]},${port}`;
    return this.cached(this.ipv6, key, offset, port);
  }

  private cached<K>(cache: Map<K, Endpoint>, key: K, offset: number, port: number): Endpoint {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    if (cache.size >= this.maxEntries) cache.clear();
    const endpoint = Object.freeze({ address: this.format(this.bytes.subarray(offset, offset + 16)), port });
    cache.set(key, endpoint);
    return endpoint;
  }
}
