// Tests for line framing: split and merged chunks, the 1 MiB cap, garbage and recovery.
import { describe, expect, it } from 'vitest';
import { encodeLine, LineDecoder, type Frame } from './framing.js';
import { MAX_MESSAGE_BYTES } from './version.js';

const encoder = new TextEncoder();

function pushAll(decoder: LineDecoder, chunks: (string | Uint8Array)[]): Frame[] {
  return chunks.flatMap((chunk) => decoder.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk));
}

const lines = (...texts: string[]): Frame[] => texts.map((text) => ({ kind: 'line', text }));

describe('LineDecoder', () => {
  it.each<[string, string[], Frame[]]>([
    ['one line', ['{"a":1}\n'], lines('{"a":1}')],
    ['a line split in three', ['{"a', '":', '1}\n'], lines('{"a":1}')],
    ['several lines in one chunk', ['a\nb\nc\n'], lines('a', 'b', 'c')],
    ['a chunk ending mid-line', ['a\nb', 'c\n'], lines('a', 'bc')],
    ['CRLF line ends', ['a\r\nb\r\n'], lines('a', 'b')],
    ['empty and blank lines skipped', ['\n\n  \na\n'], lines('a')],
    ['no newline yet', ['{"a":1}'], []],
    ['a newline alone after a line', ['a', '\n'], lines('a')],
  ])('%s', (_label, chunks, expected) => {
    expect(pushAll(new LineDecoder(), chunks)).toEqual(expected);
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const bytes = encoder.encode('"é"\n');
    expect(pushAll(new LineDecoder(), [bytes.subarray(0, 2), bytes.subarray(2)])).toEqual(lines('"é"'));
  });

  it('accepts a line of exactly the cap and refuses one byte more', () => {
    const exact = 'x'.repeat(MAX_MESSAGE_BYTES);
    expect(pushAll(new LineDecoder(), [`${exact}\n`])).toEqual(lines(exact));
    expect(pushAll(new LineDecoder(), [`${exact}y\nok\n`])).toEqual([{ kind: 'oversize' }, { kind: 'line', text: 'ok' }]);
  });

  it('reports an oversize line as soon as the cap is passed and discards the rest of it', () => {
    const decoder = new LineDecoder(10);
    expect(pushAll(decoder, ['0123456789'])).toEqual([]);
    expect(pushAll(decoder, ['a'])).toEqual([{ kind: 'oversize' }]);
    expect(pushAll(decoder, ['bbbbbbbbbbbbbbbbbbbb'])).toEqual([]);
    expect(decoder.pendingBytes).toBe(0);
    expect(pushAll(decoder, ['ccc\n', 'next\n'])).toEqual(lines('next'));
  });

  it('passes garbage bytes on as a line (the dispatcher rejects it) and continues', () => {
    const garbage = Uint8Array.of(0xff, 0xfe, 0x00, 0x7b, 0x0a, 0x61, 0x0a);
    const frames = pushAll(new LineDecoder(), [garbage]);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toEqual({ kind: 'line', text: 'a' });
  });
});

describe('encodeLine', () => {
  it('writes one line even when strings contain newlines', () => {
    const line = encodeLine({ text: 'a\nb' });
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({ text: 'a\nb' });
  });
});
