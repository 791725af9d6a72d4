// PacketSlab: per-batch memory handed out in order, reused after reset, views reused when the shape repeats.
import { describe, expect, it } from 'vitest';
import { PacketSlab } from './packet-slab.js';

describe('PacketSlab', () => {
  it('hands out non-overlapping, 16-byte-aligned regions until reset', () => {
    const slab = new PacketSlab(1024);
    const a = slab.allocate(100);
    const b = slab.allocate(60);
    expect([a.length, b.length]).toEqual([100, 60]);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBe(112);
    a.fill(1);
    b.fill(2);
    expect(a.every((byte) => byte === 1)).toBe(true);
  });

  it('falls back to fresh memory when full, and starts over after reset with the same views', () => {
    const slab = new PacketSlab(256);
    const first = slab.allocate(200);
    const overflow = slab.allocate(100);
    expect(overflow.buffer).not.toBe(first.buffer);
    slab.reset();
    expect(slab.allocate(200)).toBe(first); // same offset and length: the cached view
    expect(slab.allocate(32).byteOffset).toBe(208);
  });
});
