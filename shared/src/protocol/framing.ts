// Line framing of the ferryd protocol (DESIGN.md §4): one JSON document per LF-terminated line, lines over a byte cap refused.
import { MAX_MESSAGE_BYTES } from './version.js';

export type Frame = { kind: 'line'; text: string } | { kind: 'oversize' };

const NEWLINE = 0x0a;
const utf8 = new TextDecoder();

/**
 * Splits a byte stream into lines. A line longer than `maxBytes` (newline excluded) yields one `oversize` frame as
 * soon as the cap is passed; its remaining bytes are discarded up to the next newline, so one bad message costs
 * at most `maxBytes` of memory and the stream stays usable. Empty lines are skipped; a trailing CR is dropped.
 */
export class LineDecoder {
  private parts: Uint8Array[] = [];
  private size = 0;
  private discarding = false;

  constructor(private readonly maxBytes: number = MAX_MESSAGE_BYTES) {}

  push(chunk: Uint8Array): Frame[] {
    const frames: Frame[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, start);
      this.append(chunk.subarray(start, newline === -1 ? chunk.length : newline), frames);
      if (newline === -1) return frames;
      this.finishLine(frames);
      start = newline + 1;
    }
  }

  /** Bytes held for an unfinished line. */
  get pendingBytes(): number {
    return this.size;
  }

  private append(piece: Uint8Array, frames: Frame[]): void {
    if (this.discarding || piece.length === 0) return;
    if (this.size + piece.length > this.maxBytes) {
      frames.push({ kind: 'oversize' });
      this.discarding = true;
      this.parts = [];
      this.size = 0;
      return;
    }
    this.parts.push(piece);
    this.size += piece.length;
  }

  private finishLine(frames: Frame[]): void {
    if (!this.discarding && this.size > 0) {
      let text = utf8.decode(concat(this.parts, this.size));
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') frames.push({ kind: 'line', text });
    }
    this.discarding = false;
    this.parts = [];
    this.size = 0;
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** One message as a line: compact JSON (which never contains a raw newline) plus LF. */
export function encodeLine(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}
