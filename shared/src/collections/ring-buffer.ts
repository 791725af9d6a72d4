// A fixed-capacity ring of the newest items (log entries, stats history): memory stays constant however long ferryd runs.

export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<T | undefined>(capacity);
  }

  push(sample: T): void {
    this.slots[this.next] = sample;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** The newest `limit` samples, oldest first. */
  newest(limit = this.capacity): T[] {
    const take = Math.min(Math.max(0, Math.floor(limit)), this.count);
    const out: T[] = [];
    for (let i = take; i > 0; i--) out.push(this.slots[(this.next - i + this.capacity) % this.capacity] as T);
    return out;
  }

  /** Everything held, oldest first. */
  toArray(): T[] {
    return this.newest();
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.count = 0;
  }
}
