// WireGuard handshake messages between two identities: sizes, mirrored keys, PSK, and what gets rejected.
import { describe, expect, it } from 'vitest';
import { generatePrivateKey, publicKeyOf } from './crypto.js';
import {
  consumeInitiation, consumeResponse, createInitiation, createPeerSecrets, createResponse,
  type LocalIdentity, type PeerSecrets,
} from './noise.js';
import { systemRandom } from './random.js';
import { tai64n } from './tai64n.js';

function identity(): LocalIdentity {
  const privateKey = generatePrivateKey();
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

const WALL_MS = Date.UTC(2026, 0, 1, 12, 0, 0, 500);

function setup(psk?: Uint8Array): { alice: LocalIdentity; bob: LocalIdentity; aliceSeesBob: PeerSecrets; bobSeesAlice: PeerSecrets } {
  const alice = identity();
  const bob = identity();
  return {
    alice, bob,
    aliceSeesBob: createPeerSecrets(alice, bob.publicKey, psk),
    bobSeesAlice: createPeerSecrets(bob, alice.publicKey, psk),
  };
}

describe.each([
  ['without PSK', undefined],
  ['with PSK', new Uint8Array(32).fill(0x42)],
])('handshake %s', (_name, psk) => {
  it('yields mirrored session keys and the right layouts', () => {
    const { alice, bob, aliceSeesBob, bobSeesAlice } = setup(psk);
    const { message: initiation, state } = createInitiation(alice, aliceSeesBob, 0x11223344, WALL_MS, systemRandom);
    expect(initiation.length).toBe(148);
    expect([...initiation.subarray(0, 8)]).toEqual([1, 0, 0, 0, 0x44, 0x33, 0x22, 0x11]);
    expect(initiation.subarray(116).every((b) => b === 0)).toBe(true);

    const consumed = consumeInitiation(bob, initiation);
    expect(consumed?.remoteStatic).toEqual(alice.publicKey);
    expect(consumed?.remoteIndex).toBe(0x11223344);
    expect(consumed?.timestamp).toEqual(tai64n(WALL_MS));
    if (!consumed) return;

    const response = createResponse(bob, bobSeesAlice, consumed, 0xa0b0c0d0, systemRandom);
    expect(response.message.length).toBe(92);
    expect([...response.message.subarray(0, 12)]).toEqual([2, 0, 0, 0, 0xd0, 0xc0, 0xb0, 0xa0, 0x44, 0x33, 0x22, 0x11]);

    const completed = consumeResponse(alice, aliceSeesBob, state, response.message);
    expect(completed?.remoteIndex).toBe(0xa0b0c0d0);
    expect(completed?.sendKey).toEqual(response.receiveKey);
    expect(completed?.receiveKey).toEqual(response.sendKey);
    expect(completed?.sendKey).not.toEqual(completed?.receiveKey);
  });
});

describe('handshake rejections', () => {
  it('a PSK mismatch fails at the response', () => {
    const { alice, bob, aliceSeesBob } = setup(new Uint8Array(32).fill(1));
    const bobSeesAlice = createPeerSecrets(bob, alice.publicKey);
    const { message, state } = createInitiation(alice, aliceSeesBob, 1, WALL_MS, systemRandom);
    const consumed = consumeInitiation(bob, message);
    if (!consumed) throw new Error('initiation should still decrypt: the PSK enters at message 2');
    const response = createResponse(bob, bobSeesAlice, consumed, 2, systemRandom);
    expect(consumeResponse(alice, aliceSeesBob, state, response.message)).toBeNull();
  });

  it('an initiation for someone else, a flipped byte or a bad header is null', () => {
    const { alice, bob, aliceSeesBob } = setup();
    const { message } = createInitiation(alice, aliceSeesBob, 1, WALL_MS, systemRandom);
    expect(consumeInitiation(identity(), message)).toBeNull();
    const cases: [number, number][] = [[1, 1], [3, 1], [10, 1], [50, 1], [100, 1]];
    for (const [offset, bit] of cases) {
      const tampered = Uint8Array.from(message);
      tampered[offset] = (tampered[offset] ?? 0) ^ bit;
      expect(consumeInitiation(bob, tampered)).toBeNull();
    }
    expect(consumeInitiation(bob, message.subarray(0, 147))).toBeNull();
  });

  it('lookup: an unknown initiator is rejected, a known one uses its precomputed DH', () => {
    const { alice, bob, aliceSeesBob, bobSeesAlice } = setup();
    const { message } = createInitiation(alice, aliceSeesBob, 1, WALL_MS, systemRandom);
    expect(consumeInitiation(bob, message, () => undefined)).toBeNull();
    const looked: Uint8Array[] = [];
    const consumed = consumeInitiation(bob, message, (remoteStatic) => {
      looked.push(remoteStatic);
      return bobSeesAlice;
    });
    expect(consumed?.remoteStatic).toEqual(alice.publicKey);
    expect(looked).toEqual([alice.publicKey]);
  });

  it('a response to another index, tampered, or replayed into a new state is null', () => {
    const { alice, bob, aliceSeesBob, bobSeesAlice } = setup();
    const { message, state } = createInitiation(alice, aliceSeesBob, 7, WALL_MS, systemRandom);
    const consumed = consumeInitiation(bob, message);
    if (!consumed) throw new Error('consume failed');
    const response = createResponse(bob, bobSeesAlice, consumed, 8, systemRandom).message;
    expect(consumeResponse(alice, aliceSeesBob, { ...state, localIndex: 9 }, response)).toBeNull();
    const tampered = Uint8Array.from(response);
    tampered[50] = (tampered[50] ?? 0) ^ 0x80;
    expect(consumeResponse(alice, aliceSeesBob, state, tampered)).toBeNull();
    const second = createInitiation(alice, aliceSeesBob, 7, WALL_MS + 10_000, systemRandom);
    expect(consumeResponse(alice, aliceSeesBob, second.state, response)).toBeNull();
    expect(consumeResponse(alice, aliceSeesBob, state, response)).not.toBeNull();
  });

  it('a low-order peer key has no static-static secret and cannot initiate', () => {
    const alice = identity();
    const peer = createPeerSecrets(alice, new Uint8Array(32));
    expect(peer.staticStatic).toBeNull();
    expect(() => createInitiation(alice, peer, 1, WALL_MS, systemRandom)).toThrow(/low order/);
  });
});
