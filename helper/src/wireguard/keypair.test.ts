// Keypair: fields as given, a fresh counter and replay window, and key zeroing.
import { describe, expect, it } from 'vitest';
import { Keypair } from './keypair.js';

describe('Keypair', () => {
  it('holds its keys and indices, starts at counter 0 and filters replays', () => {
    const keypair = new Keypair({
      sendKey: new Uint8Array(32).fill(1), receiveKey: new Uint8Array(32).fill(2),
      localIndex: 10, remoteIndex: 20, createdAtMs: 1234, isInitiator: true,
    });
    expect([keypair.localIndex, keypair.remoteIndex, keypair.createdAtMs, keypair.isInitiator]).toEqual([10, 20, 1234, true]);
    expect(keypair.sendCounter).toBe(0);
    expect(keypair.replay.accept(0)).toBe(true);
    expect(keypair.replay.accept(0)).toBe(false);
    keypair.zeroKeys();
    expect(keypair.sendKey.every((b) => b === 0) && keypair.receiveKey.every((b) => b === 0)).toBe(true);
  });
});
