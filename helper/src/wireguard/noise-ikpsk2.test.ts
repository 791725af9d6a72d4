// The Noise IKpsk2 core against the Cacophony Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s vector, and WireGuard's C0/H0.
import { describe, expect, it } from 'vitest';
import { aeadOpen, aeadSeal, dh, publicKeyOf } from './crypto.js';
import {
  C0, H0, prologueHash, readInitiation, readResponse, split, writeInitiation, writeResponse,
} from './noise-ikpsk2.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** mcginty/snow tests/vectors/cacophony.txt, entry Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s. */
const CACOPHONY = {
  prologue: '4a6f686e2047616c74', // "John Galt"
  psk: '54686973206973206d7920417573747269616e20706572737065637469766521',
  initStatic: 'e61ef9919cde45dd5f82166404bd08e38bceb5dfdfded0a34c8df7ed542214d1',
  initEphemeral: '893e28b9dc6ca8d611ab664754b8ceb7bac5117349a4439a6b0569da977c464a',
  initRemoteStatic: '31e0303fd6418d2f8c0e78b91f22e8caed0fbe48656dcf4767e4834f701b8f62',
  respStatic: '4a3acbfdb163dec651dfa3194dece676d437029c62a408b4c5ea9114246e4893',
  respEphemeral: 'bbdb4cdbd309f1a1f2e1456967fe288cadd6f712d65dc7b7793d5e63da6b375b',
  handshakeHash: 'f5191b875290abcd41347ac3622d9679688a7e980229cb937ef748336cfde0e5',
  messages: [
    ['4c756477696720766f6e204d69736573', 'ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c7944001e21de9f98ddd8e2ad57527207feb56253c9c94a9e496782ecfcb2a75fbcaf1b52948cc48daefe660c62119ab5000980c84831215f2441eba616548e832985464cf17e51ee93109008399a21f7e13f'],
    ['4d757272617920526f746862617264', '95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f144808843cb765f2caef0751b8f007572dab0322217755c0632f365717edbf34d33e87a'],
    ['462e20412e20486179656b', '8153ca9833bc3c1b91a7e66e5f4d4f5b59bf9e64c2f20d15f0bba7'],
    ['4361726c204d656e676572', '07af0c9c86e1b4e80f36b04ff7688d51141af3debd0332f0a705ef'],
    ['4a65616e2d426170746973746520536179', '6ab1467c0448cc78394494abaaf23afce0e234315d6e2624dcbfa8a21c1c4d073d'],
    ['457567656e2042f6686d20766f6e2042617765726b', 'dfc346c0d2296ae6cf1acf6f12b8456a1dba228cf8d8b774aacf1c47fc53aa80ebc7a4c292'],
  ],
} as const;

const message = (i: number): { payload: Uint8Array; ciphertext: string } => {
  const entry = CACOPHONY.messages[i];
  if (!entry) throw new Error(`no message ${i}`);
  return { payload: hex(entry[0]), ciphertext: entry[1] };
};

describe('WireGuard constants', () => {
  it('C0 and H0 match the fact sheet and boringtun', () => {
    expect(toHex(C0)).toBe('60e26daef327efc02ec335e2a025d2d016eb4206f87277f52d38d1988b78cd36');
    expect(toHex(H0)).toBe('2211b361081ac566691243db458ad5322d9c6c662293e8b70ee19c65ba079ef3');
  });
});

describe('Cacophony Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s', () => {
  const h0 = prologueHash(hex(CACOPHONY.prologue));
  const psk = hex(CACOPHONY.psk);
  const initStatic = hex(CACOPHONY.initStatic);
  const respStatic = hex(CACOPHONY.respStatic);
  const initEphemeral = hex(CACOPHONY.initEphemeral);
  const remoteStatic = hex(CACOPHONY.initRemoteStatic);

  it('reproduces the handshake, the handshake hash and the transport messages', () => {
    expect(toHex(publicKeyOf(respStatic))).toBe(CACOPHONY.initRemoteStatic);
    // Message 1: initiator writes, responder reads.
    const first = writeInitiation(h0, {
      staticPrivate: initStatic, staticPublic: publicKeyOf(initStatic), ephemeralPrivate: initEphemeral,
      remoteStatic, staticStatic: dh(initStatic, remoteStatic),
    }, message(0).payload);
    if (!first) throw new Error('writeInitiation failed');
    const { ephemeralPublic, encryptedStatic, encryptedPayload } = first.parts;
    expect(toHex(ephemeralPublic) + toHex(encryptedStatic) + toHex(encryptedPayload)).toBe(message(0).ciphertext);
    const read1 = readInitiation(h0, respStatic, remoteStatic, first.parts, (rs) => dh(respStatic, rs));
    expect(read1?.payload).toEqual(message(0).payload);
    expect(read1?.remoteStatic).toEqual(publicKeyOf(initStatic));
    expect(read1?.state).toEqual(first.state);
    if (!read1) return;
    // Message 2: responder writes, initiator reads.
    const second = writeResponse(read1.state, hex(CACOPHONY.respEphemeral), ephemeralPublic, read1.remoteStatic, psk, message(1).payload);
    if (!second) throw new Error('writeResponse failed');
    expect(toHex(second.ephemeralPublic) + toHex(second.encryptedPayload)).toBe(message(1).ciphertext);
    expect(toHex(second.state.hash)).toBe(CACOPHONY.handshakeHash);
    const read2 = readResponse(first.state, initStatic, initEphemeral, psk, second.ephemeralPublic, second.encryptedPayload);
    expect(read2?.payload).toEqual(message(1).payload);
    expect(read2?.state).toEqual(second.state);
    if (!read2) return;
    // Transport: k1 initiator→responder, k2 back; nonces 0, 0, 1, 1.
    const initiator = split(read2.state, true);
    const responder = split(second.state, false);
    expect(initiator.sendKey).toEqual(responder.receiveKey);
    expect(initiator.receiveKey).toEqual(responder.sendKey);
    const senders = [initiator.sendKey, responder.sendKey, initiator.sendKey, responder.sendKey];
    senders.forEach((key, i) => {
      const { payload, ciphertext } = message(i + 2);
      expect(toHex(aeadSeal(key, i >> 1, payload))).toBe(ciphertext);
      expect(aeadOpen(key, i >> 1, hex(ciphertext))).toEqual(payload);
    });
  });

  it('rejects a wrong prologue, an unknown static or a wrong PSK', () => {
    const first = writeInitiation(h0, {
      staticPrivate: initStatic, staticPublic: publicKeyOf(initStatic), ephemeralPrivate: initEphemeral,
      remoteStatic, staticStatic: dh(initStatic, remoteStatic),
    }, message(0).payload);
    if (!first) throw new Error('writeInitiation failed');
    expect(readInitiation(H0, respStatic, remoteStatic, first.parts, (rs) => dh(respStatic, rs))).toBeNull();
    expect(readInitiation(h0, respStatic, remoteStatic, first.parts, () => undefined)).toBeNull();
    const read1 = readInitiation(h0, respStatic, remoteStatic, first.parts, (rs) => dh(respStatic, rs));
    if (!read1) throw new Error('readInitiation failed');
    const second = writeResponse(read1.state, hex(CACOPHONY.respEphemeral), first.parts.ephemeralPublic, read1.remoteStatic, psk, message(1).payload);
    if (!second) throw new Error('writeResponse failed');
    const wrongPsk = new Uint8Array(32);
    expect(readResponse(first.state, initStatic, initEphemeral, wrongPsk, second.ephemeralPublic, second.encryptedPayload)).toBeNull();
  });
});
