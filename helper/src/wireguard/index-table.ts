// The device's map from random 32-bit local indices to handshakes and keypairs (whitepaper §5.4.1; wireguard-go indextable.go).
import type { Random } from './random.js';

/** Local index → value; indices are random u32s so they reveal nothing and collide rarely (then we retry). */
export class IndexTable<T> {
  private readonly entries = new Map<number, T>();

  /** Stores `value` under a fresh random index not already in use, and returns that index. */
  allocate(value: T, random: Random): number {
    for (;;) {
      const index = random.uint32() >>> 0;
      if (!this.entries.has(index)) {
        this.entries.set(index, value);
        return index;
      }
    }
  }

  get(index: number): T | undefined {
    return this.entries.get(index);
  }

  /** Re-points an existing index (a handshake's index becomes its keypair's); false if the index is free. */
  replace(index: number, value: T): boolean {
    if (!this.entries.has(index)) return false;
    this.entries.set(index, value);
    return true;
  }

  delete(index: number): void {
    this.entries.delete(index);
  }

  get size(): number {
    return this.entries.size;
  }
}
