// Injected randomness for keys, indices and timer jitter, so tests can be deterministic.
import { randomBytes } from 'node:crypto';

export interface Random {
  bytes(n: number): Uint8Array;
  uint32(): number;
  /** Uniform in [0, 1). */
  float(): number;
}

export const systemRandom: Random = {
  bytes: (n) => new Uint8Array(randomBytes(n)),
  uint32: () => randomBytes(4).readUInt32LE(0),
  // 53 random bits give every representable double in [0, 1) on the 2^-53 grid.
  float: () => Number(randomBytes(8).readBigUInt64LE(0) >> 11n) / 2 ** 53,
};
