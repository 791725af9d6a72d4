// Sliding-window replay filter for transport counters (RFC 6479, as wireguard-go replay/replay.go).
import { REJECT_AFTER_MESSAGES } from './constants.js';

// 128 blocks of 64 bits (each stored as two u32 words); one block is always being recycled,
// so the usable window is (128 − 1) × 64 = 8128 counters behind the highest seen.
const BLOCK_BITS = 64;
const RING_BLOCKS = 128;
export const REPLAY_WINDOW_SIZE = (RING_BLOCKS - 1) * BLOCK_BITS;

export class ReplayWindow {
  private readonly ring = new Uint32Array(RING_BLOCKS * 2);
  private last = 0;

  /** `limitCounter`: counters at or above it are always rejected (tests use a small one). */
  constructor(private readonly limitCounter: number = REJECT_AFTER_MESSAGES) {}

  /** True when `counter` is new (and records it); false when replayed, too old or over the limit. */
  accept(counter: number): boolean {
    if (!(counter >= 0 && counter < this.limitCounter)) return false;
    // Counters may exceed 2^32, so block arithmetic uses division rather than bit shifts.
    const blockIndex = Math.floor(counter / BLOCK_BITS);
    if (counter > this.last) {
      this.advanceTo(blockIndex);
      this.last = counter;
    } else if (this.last - counter > REPLAY_WINDOW_SIZE) {
      return false;
    }
    const bit = counter % BLOCK_BITS;
    const word = (blockIndex % RING_BLOCKS) * 2 + (bit >= 32 ? 1 : 0);
    const mask = (1 << (bit & 31)) >>> 0;
    const old = this.ring[word] ?? 0;
    if ((old & mask) !== 0) return false;
    this.ring[word] = (old | mask) >>> 0;
    return true;
  }

  reset(): void {
    this.last = 0;
    this.ring.fill(0);
  }

  /** Clears the blocks the window slides onto (at most the whole ring). */
  private advanceTo(blockIndex: number): void {
    const currentBlock = Math.floor(this.last / BLOCK_BITS);
    const diff = Math.min(blockIndex - currentBlock, RING_BLOCKS);
    for (let i = currentBlock + 1; i <= currentBlock + diff; i++) {
      const slot = (i % RING_BLOCKS) * 2;
      this.ring[slot] = 0;
      this.ring[slot + 1] = 0;
    }
  }
}
