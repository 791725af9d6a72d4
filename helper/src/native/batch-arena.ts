// The reused memory a native reader fills per batch: fixed slots in one ArrayBuffer plus their lengths.
export class BatchArena {
  readonly buffer: ArrayBuffer;
  readonly lengths: Int32Array;
  private readonly views: (Uint8Array | undefined)[];

  /** Pages are only touched when written, so generous slots cost address space, not memory. */
  constructor(readonly batchSize: number, readonly slotBytes: number) {
    this.buffer = new ArrayBuffer(batchSize * slotBytes);
    this.lengths = new Int32Array(batchSize);
    this.views = new Array<Uint8Array | undefined>(batchSize);
  }

  /** The view of slot `index` holding `length` bytes; reused while the length repeats (packet streams
   *  are mostly MTU-sized), since views are only valid during the batch callback anyway. */
  view(index: number, length: number): Uint8Array {
    const cached = this.views[index];
    if (cached !== undefined && cached.length === length) return cached;
    const view = new Uint8Array(this.buffer, index * this.slotBytes, length);
    this.views[index] = view;
    return view;
  }
}
