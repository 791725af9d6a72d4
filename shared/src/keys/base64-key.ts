// WireGuard key text: 32 bytes as canonical standard base64 (44 characters, one trailing '='), per wg(8).

export const KEY_BYTES = 32;
export const KEY_TEXT_LENGTH = 44;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const DECODE_TABLE: readonly number[] = (() => {
  const table = new Array<number>(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (DECODE_TABLE[code] ?? -1) : -1;
}

/**
 * Decodes a WireGuard key. Returns null unless the text is exactly 44 characters of standard base64
 * ending in '=' whose unused low bits are zero (wg(8) rejects non-canonical encodings too).
 */
export function parseKey(text: string): Uint8Array | null {
  if (text.length !== KEY_TEXT_LENGTH || text[KEY_TEXT_LENGTH - 1] !== '=') return null;
  const bytes = new Uint8Array(KEY_BYTES);
  let accumulator = 0;
  let bitCount = 0;
  let byteIndex = 0;
  for (let i = 0; i < KEY_TEXT_LENGTH - 1; i++) {
    const value = sextet(text, i);
    if (value < 0) return null;
    accumulator = ((accumulator << 6) | value) & 0xffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[byteIndex++] = (accumulator >> bitCount) & 0xff;
    }
  }
  // 43 characters carry 258 bits: the last 2 must be zero for the encoding to be canonical.
  if ((accumulator & ((1 << bitCount) - 1)) !== 0) return null;
  return bytes;
}

export function isValidKey(text: string): boolean {
  return parseKey(text) !== null;
}

/** Encodes 32 bytes as the 44-character base64 text wg(8) prints. Throws on another length (a bug). */
export function encodeKey(bytes: Uint8Array): string {
  if (bytes.length !== KEY_BYTES) throw new RangeError(`a WireGuard key is ${KEY_BYTES} bytes, got ${bytes.length}`);
  let text = '';
  let accumulator = 0;
  let bitCount = 0;
  for (const byte of bytes) {
    accumulator = ((accumulator << 8) | byte) & 0xffff;
    bitCount += 8;
    while (bitCount >= 6) {
      bitCount -= 6;
      text += ALPHABET[(accumulator >> bitCount) & 0x3f];
    }
  }
  text += ALPHABET[(accumulator << (6 - bitCount)) & 0x3f];
  return `${text}=`;
}
