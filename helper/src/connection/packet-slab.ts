// Reused memory for one batch's outgoing datagrams and decrypted packets (DeviceIo.allocate), freed all at once on flush.

/** Enough for a 128-packet batch of MTU-sized datagrams plus their replies; bigger batches fall back to the heap. */
const DEFAULT_SLAB_BYTES = 512 * 1024;
const ALIGN_BYTES = 16;

export class PacketSlab {
  private readonly memory: ArrayBuffer;
  private offset = 0;
  private count = 0;
  /** The view handed out as allocation number i last time: reused when offset and length repeat (steady streams). */
  private readonly views: Uint8Array[] = [];

  constructor(private readonly slabBytes = DEFAULT_SLAB_BYTES) {
    this.memory = new ArrayBuffer(slabBytes);
  }

  /** `bytes` of memory valid until reset(); from the heap when the slab is full. */
  allocate(bytes: number): Uint8Array {
    const start = this.offset;
    if (start + bytes > this.slabBytes) return new Uint8Array(bytes);
    this.offset = start + ((bytes + ALIGN_BYTES - 1) & ~(ALIGN_BYTES - 1));
    const index = this.count++;
    const cached = this.views[index];
    if (cached !== undefined && cached.byteOffset === start && cached.length === bytes) return cached;
    const view = new Uint8Array(this.memory, start, bytes);
    this.views[index] = view;
    return view;
  }

  /** Everything allocated so far may be overwritten from now on. */
  reset(): void {
    this.offset = 0;
    this.count = 0;
  }
}
