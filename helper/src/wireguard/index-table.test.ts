// The index table: random indices, retry on collision, re-pointing and deletion.
import { describe, expect, it } from 'vitest';
import { IndexTable } from './index-table.js';
import type { Random } from './random.js';

/** A Random whose uint32() replays a script, so collisions are forced. */
function scripted(values: number[]): Random {
  let i = 0;
  return {
    bytes: (n) => new Uint8Array(n),
    uint32: () => {
      const v = values[i++];
      if (v === undefined) throw new Error('script exhausted');
      return v;
    },
    float: () => 0,
  };
}

describe('IndexTable', () => {
  it.each([
    ['no collision', [5, 6], [5, 6]],
    ['one collision is retried', [5, 5, 9], [5, 9]],
    ['repeated collisions are retried', [0xffffffff, 0xffffffff, 0xffffffff, 0], [0xffffffff, 0]],
  ])('%s', (_name, script, expected) => {
    const table = new IndexTable<string>();
    const random = scripted(script);
    const got = expected.map((_, i) => table.allocate(`v${i}`, random));
    expect(got).toEqual(expected);
    got.forEach((index, i) => expect(table.get(index)).toBe(`v${i}`));
    expect(table.size).toBe(expected.length);
  });

  it('replace re-points only existing indices; delete frees them for reuse', () => {
    const table = new IndexTable<string>();
    const index = table.allocate('handshake', scripted([42]));
    expect(table.replace(index, 'keypair')).toBe(true);
    expect(table.get(index)).toBe('keypair');
    expect(table.replace(43, 'x')).toBe(false);
    expect(table.get(43)).toBeUndefined();
    table.delete(index);
    expect(table.get(index)).toBeUndefined();
    expect(table.allocate('again', scripted([42]))).toBe(42);
  });

  it('returns unsigned indices even if a Random yields negative int32 values', () => {
    const table = new IndexTable<number>();
    expect(table.allocate(1, scripted([-1]))).toBe(0xffffffff);
  });
});
