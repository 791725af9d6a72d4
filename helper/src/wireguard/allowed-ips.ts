// AllowedIPs: longest-prefix match from IP address to peer, one binary trie per family (wireguard-go allowedips.go semantics).

interface TrieNode<T> {
  zero: TrieNode<T> | null;
  one: TrieNode<T> | null;
  value: T | undefined;
}

export interface IpPrefix {
  /** 4 or 16 bytes, host bits cleared. */
  address: Uint8Array;
  prefixLength: number;
}

const newNode = <T>(): TrieNode<T> => ({ zero: null, one: null, value: undefined });

function bitAt(bytes: Uint8Array, offset: number, bitIndex: number): number {
  return ((bytes[offset + (bitIndex >>> 3)] ?? 0) >>> (7 - (bitIndex & 7))) & 1;
}

/**
 * Each prefix belongs to exactly one value; inserting an existing prefix moves it (last writer wins).
 * Walks are O(prefix bits): the trie is uncompressed, which is plenty for a client's few hundred prefixes.
 */
export class AllowedIps<T> {
  private readonly ipv4 = newNode<T>();
  private readonly ipv6 = newNode<T>();

  insert(address: Uint8Array, prefixLength: number, value: T): void {
    const root = this.rootFor(address.length, prefixLength);
    let node = root;
    for (let bit = 0; bit < prefixLength; bit++) {
      if (bitAt(address, 0, bit) === 0) node = node.zero ??= newNode<T>();
      else node = node.one ??= newNode<T>();
    }
    node.value = value;
  }

  /** Removes one prefix, only if it belongs to `value` (like wireguard-go's Remove). */
  remove(address: Uint8Array, prefixLength: number, value: T): void {
    const root = this.rootFor(address.length, prefixLength);
    const path: TrieNode<T>[] = [root];
    let node: TrieNode<T> | null = root;
    for (let bit = 0; bit < prefixLength && node; bit++) {
      node = bitAt(address, 0, bit) === 0 ? node.zero : node.one;
      if (node) path.push(node);
    }
    if (!node || node.value !== value) return;
    node.value = undefined;
    pruneUp(path, address);
  }

  /** The value of the longest prefix containing `address` (4 or 16 bytes). */
  lookup(address: Uint8Array): T | undefined {
    return this.lookupAt(address, 0, address.length);
  }

  /** Like lookup, reading the address in place (e.g. an IP header field) to avoid a subarray per packet. */
  lookupAt(bytes: Uint8Array, offset: number, addressBytes: number): T | undefined {
    let node: TrieNode<T> | null = addressBytes === 4 ? this.ipv4 : addressBytes === 16 ? this.ipv6 : null;
    let best: T | undefined;
    const bits = addressBytes * 8;
    for (let bit = 0; node; bit++) {
      if (node.value !== undefined) best = node.value;
      if (bit === bits) break;
      node = bitAt(bytes, offset, bit) === 0 ? node.zero : node.one;
    }
    return best;
  }

  removeValue(value: T): void {
    removeFrom(this.ipv4, value);
    removeFrom(this.ipv6, value);
  }

  entriesFor(value: T): IpPrefix[] {
    const out: IpPrefix[] = [];
    collect(this.ipv4, new Uint8Array(4), 0, value, out);
    collect(this.ipv6, new Uint8Array(16), 0, value, out);
    return out;
  }

  /** True when no prefix is stored. */
  isEmpty(): boolean {
    return isBare(this.ipv4) && isBare(this.ipv6);
  }

  private rootFor(addressBytes: number, prefixLength: number): TrieNode<T> {
    if (addressBytes !== 4 && addressBytes !== 16) throw new RangeError(`address must be 4 or 16 bytes, got ${addressBytes}`);
    if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > addressBytes * 8) {
      throw new RangeError(`invalid prefix length ${prefixLength} for a ${addressBytes}-byte address`);
    }
    return addressBytes === 4 ? this.ipv4 : this.ipv6;
  }
}

const isBare = <T>(node: TrieNode<T>): boolean => node.value === undefined && !node.zero && !node.one;

/** Drops now-empty nodes from the end of a root-to-leaf path. */
function pruneUp<T>(path: TrieNode<T>[], address: Uint8Array): void {
  for (let depth = path.length - 1; depth > 0; depth--) {
    const node = path[depth];
    const parent = path[depth - 1];
    if (!node || !parent || !isBare(node)) return;
    if (bitAt(address, 0, depth - 1) === 0) parent.zero = null;
    else parent.one = null;
  }
}

/** Clears `value` everywhere below `node`; returns true when `node` became bare. */
function removeFrom<T>(node: TrieNode<T>, value: T): boolean {
  if (node.value === value) node.value = undefined;
  if (node.zero && removeFrom(node.zero, value)) node.zero = null;
  if (node.one && removeFrom(node.one, value)) node.one = null;
  return isBare(node);
}

function collect<T>(node: TrieNode<T>, address: Uint8Array, depth: number, value: T, out: IpPrefix[]): void {
  if (node.value === value) out.push({ address: Uint8Array.from(address), prefixLength: depth });
  const byte = depth >>> 3;
  const mask = 0x80 >>> (depth & 7);
  if (node.zero) collect(node.zero, address, depth + 1, value, out);
  if (node.one) {
    address[byte] = (address[byte] ?? 0) | mask;
    collect(node.one, address, depth + 1, value, out);
    address[byte] = (address[byte] ?? 0) & ~mask;
  }
}
