// Splits ferryd's byte stream into JSON lines (DESIGN.md §4 framing), refusing a line longer than the cap.
export type LineFrame = { kind: 'line'; text: string } | { kind: 'oversize' };

/** Holds the unfinished tail between chunks; an oversize line yields one `oversize` frame and is skipped to its newline. */
export class LineDecoder {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): LineFrame[] {
    const frames: LineFrame[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      this.append(chunk.subarray(start, newline === -1 ? chunk.length : newline), frames);
      if (newline === -1) return frames;
      this.finishLine(frames);
      start = newline + 1;
    }
  }

  private append(piece: Buffer, frames: LineFrame[]): void {
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

  private finishLine(frames: LineFrame[]): void {
    if (!this.discarding && this.size > 0) {
      const text = Buffer.concat(this.parts, this.size).toString('utf8').replace(/\r$/, '');
      if (text.trim() !== '') frames.push({ kind: 'line', text });
    }
    this.discarding = false;
    this.parts = [];
    this.size = 0;
  }
}
