// Line framing of the ferryd protocol: one JSON document per LF-terminated line, lines over a byte cap refused.
import { MAX_MESSAGE_BYTES } from '../../../shared/src/protocol/version.js';

export type Frame = { kind: 'line'; text: string } | { kind: 'oversize' };

/**
 * Splits a byte stream into lines. A line longer than `maxBytes` (newline excluded) yields one `oversize` frame as
 * soon as the cap is passed; its remaining bytes are discarded up to the next newline, so one bad message costs
 * at most `maxBytes` of memory and the stream stays usable. Empty lines are skipped; a trailing CR is dropped.
 */
export class LineDecoder {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(private readonly maxBytes: number = MAX_MESSAGE_BYTES) {}

  push(chunk: Buffer): Frame[] {
    const frames: Frame[] = [];
    let start = 0;
    while (start <= chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      this.append(chunk.subarray(start, newline === -1 ? chunk.length : newline), frames);
      if (newline === -1) break;
      this.finishLine(frames);
      start = newline + 1;
    }
    return frames;
  }

  /** Bytes held for an unfinished line. */
  get pendingBytes(): number {
    return this.size;
  }

  private append(piece: Buffer, frames: Frame[]): void {
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
      let text = Buffer.concat(this.parts, this.size).toString('utf8');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() !== '') frames.push({ kind: 'line', text });
    }
    this.discarding = false;
    this.parts = [];
    this.size = 0;
  }
}

/** One message as a line: compact JSON (which never contains a raw newline) plus LF. */
export function encodeLine(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}
