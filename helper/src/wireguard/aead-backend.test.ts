// ChaCha20-Poly1305 backends against RFC 8439 §2.8.2 and Appendix A.5, in place and at offsets.
import { describe, expect, it } from 'vitest';
import { nodeAeadBackend, sodiumAeadBackend, type AeadBackend } from './aead-backend.js';

const hex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const backends: [string, AeadBackend][] = [['node:crypto', nodeAeadBackend]];
if (sodiumAeadBackend) backends.push(['libsodium', sodiumAeadBackend]);

const VECTORS = [
  {
    name: 'RFC 8439 §2.8.2',
    key: '808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f',
    nonce: '070000004041424344454647',
    aad: '50515253c0c1c2c3c4c5c6c7',
    plaintext: Buffer.from("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.").toString('hex'),
    sealed: 'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc3ff4def08e4b7a9de576d26586cec64b6116'
      + '1ae10b594f09e26a7e902ecbd0600691',
  },
  {
    name: 'RFC 8439 A.5',
    key: '1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0',
    nonce: '000000000102030405060708',
    aad: 'f33388860000000000004e91',
    plaintext: '496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c616365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d652e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e206173202fe2809c776f726b20696e2070726f67726573732e2fe2809d',
    sealed: '64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c8559797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e99040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b'
      + 'eead9d67890cbb22392336fea1851f38',
  },
];

describe.each(backends)('ChaCha20-Poly1305 (%s)', (_name, backend) => {
  it.each(VECTORS)('$name seals', (v) => {
    const plaintext = hex(v.plaintext);
    const out = new Uint8Array(plaintext.length + 16);
    expect(backend.seal(hex(v.key), hex(v.nonce), plaintext, hex(v.aad), out, 0)).toBe(out.length);
    expect(toHex(out)).toBe(v.sealed);
  });

  it.each(VECTORS)('$name opens, and rejects a flipped bit or a wrong AAD', (v) => {
    const sealed = hex(v.sealed);
    const out = new Uint8Array(sealed.length - 16);
    expect(backend.open(hex(v.key), hex(v.nonce), sealed, hex(v.aad), out, 0)).toBe(out.length);
    expect(toHex(out)).toBe(v.plaintext);
    expect(backend.open(hex(v.key), hex(v.nonce), sealed, hex('00'), out, 0)).toBe(-1);
    sealed[10] = (sealed[10] ?? 0) ^ 1;
    expect(backend.open(hex(v.key), hex(v.nonce), sealed, hex(v.aad), out, 0)).toBe(-1);
  });

  it('seals and opens in place at an offset, and handles an empty plaintext', () => {
    const key = new Uint8Array(32).fill(7);
    const nonce = new Uint8Array(12);
    const buffer = new Uint8Array(16 + 100 + 16);
    buffer.fill(0xab, 16, 116);
    expect(backend.seal(key, nonce, buffer.subarray(16, 116), null, buffer, 16)).toBe(116);
    expect(buffer[16]).not.toBe(0xab);
    expect(backend.open(key, nonce, buffer.subarray(16, 132), null, buffer, 16)).toBe(100);
    expect(buffer.subarray(16, 116).every((b) => b === 0xab)).toBe(true);
    const tagOnly = new Uint8Array(16);
    expect(backend.seal(key, nonce, new Uint8Array(0), null, tagOnly, 0)).toBe(16);
    expect(backend.open(key, nonce, tagOnly, null, new Uint8Array(0), 0)).toBe(0);
    expect(backend.open(key, nonce, tagOnly.subarray(0, 15), null, new Uint8Array(0), 0)).toBe(-1);
  });
});

describe('backends agree', () => {
  it.runIf(sodiumAeadBackend)('libsodium and node:crypto produce the same bytes', () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const nonce = Uint8Array.from({ length: 12 }, (_, i) => i * 3);
    const plaintext = Uint8Array.from({ length: 1420 }, (_, i) => i & 0xff);
    const a = new Uint8Array(1436);
    const b = new Uint8Array(1436);
    nodeAeadBackend.seal(key, nonce, plaintext, null, a, 0);
    sodiumAeadBackend?.seal(key, nonce, plaintext, null, b, 0);
    expect(toHex(a)).toBe(toHex(b));
  });
});
