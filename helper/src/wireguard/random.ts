// Injected randomness for keys, indices and timer jitter, so tests can be deterministic.
import { randomBytes, randomFillSync } from 'node:crypto';

export interface Random {
  bytes(n: number): Uint8Array;
  uint32(): number;
  /** Uniform in [0, 1). */
  float(): number;
}

// Timer jitter is drawn on every data batch: one randomBytes call costs tens of µs on a cold path, so floats
// come from a pool refilled 4 KiB at a time. Key material (`bytes`) never comes from the pool.
const FLOAT_POOL_BYTES = 4096;
const floatPool = new Uint32Array(FLOAT_POOL_BYTES / 4);
let floatPoolNext = floatPool.length;

function pooledWord(): number {
  if (floatPoolNext >= floatPool.length) {
    randomFillSync(floatPool);
    floatPoolNext = 0;
  }
  return floatPool[floatPoolNext++] ?? 0;
}

export const systemRandom: Random = {
  bytes: (n) => new Uint8Array(randomBytes(n)),
  uint32: () => randomBytes(4).readUInt32LE(0),
  // 53 random bits (27 + 26) give every representable double in [0, 1) on the 2^-53 grid.
  float: () => ((pooledWord() >>> 5) * 2 ** 26 + (pooledWord() >>> 6)) / 2 ** 53,
};
