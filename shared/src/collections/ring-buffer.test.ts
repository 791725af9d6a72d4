import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.js';

describe('RingBuffer', () => {
  it('keeps the newest samples, oldest first, within its capacity', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.size).toBe(3);
    expect(ring.newest()).toEqual([3, 4, 5]);
    expect(ring.newest(2)).toEqual([4, 5]);
  });

  it('returns fewer samples than asked when not full', () => {
    const ring = new RingBuffer<string>(10);
    ring.push('a');
    expect(ring.newest(5)).toEqual(['a']);
    expect(ring.newest(0)).toEqual([]);
  });

  it('forgets everything on clear', () => {
    const ring = new RingBuffer<number>(2);
    ring.push(1);
    ring.clear();
    expect(ring.newest()).toEqual([]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
  });
});
