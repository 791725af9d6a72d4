// Tests for WireGuard key text decoding/encoding (canonical base64, wg(8) rules).
import { describe, it, expect } from 'vitest';
import { encodeKey, isValidKey, parseKey } from './base64-key.js';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

// Vectors produced with Node's Buffer base64 encoder.
const vectors: { hex: string; text: string }[] = [
  { hex: '00'.repeat(32), text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
  { hex: 'ff'.repeat(32), text: '//////////////////////////////////////////8=' },
  {
    hex: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
    text: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
  },
];

describe('parseKey / encodeKey', () => {
  it.each(vectors)('round-trips $text', ({ hex: hexText, text }) => {
    const parsed = parseKey(text);
    expect(parsed).not.toBeNull();
    expect(hex(parsed ?? new Uint8Array())).toBe(hexText);
    expect(encodeKey(fromHex(hexText))).toBe(text);
    expect(isValidKey(text)).toBe(true);
  });

  it('round-trips every byte value in every position', () => {
    for (let start = 0; start < 256; start += 32) {
      const bytes = Uint8Array.from({ length: 32 }, (_, i) => (start + i * 7) & 0xff);
      expect(parseKey(encodeKey(bytes))).toEqual(bytes);
    }
  });

  const invalid: { name: string; text: string }[] = [
    { name: 'empty', text: '' },
    { name: 'too short', text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
    { name: 'too long', text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
    { name: 'no padding', text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    { name: 'non-canonical low bits', text: '//////////////////////////////////////////9=' },
    { name: 'non-canonical low bits (B)', text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=' },
    { name: 'url-safe alphabet', text: '__________________________________________8=' },
    { name: 'space inside', text: 'AAAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAAAAAAAAA=' },
    { name: 'padding in the middle', text: 'AAAAAAAAAAAAAAAAAAAAA=AAAAAAAAAAAAAAAAAAAAA=' },
    { name: 'non-ASCII', text: 'AAAAAAAAAAAAAAAAAAAAAéAAAAAAAAAAAAAAAAAAAAA=' },
    { name: 'double padding', text: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==' },
  ];
  it.each(invalid)('rejects $name', ({ text }) => {
    expect(parseKey(text)).toBeNull();
    expect(isValidKey(text)).toBe(false);
  });

  it('refuses to encode a key of the wrong length', () => {
    expect(() => encodeKey(new Uint8Array(31))).toThrow(RangeError);
  });
});
