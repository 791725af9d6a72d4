// Turns a cumulative byte counter, read at irregular moments, into a rate averaged over a short window.

interface Reading {
  atMs: number;
  total: number;
}

export class RateMeter {
  private readonly readings: Reading[] = [];

  /** @param windowMs how far back the average reaches; about two sampling periods reads smoothly. */
  constructor(private readonly windowMs = 2_000) {}

  /** Records the counter's value at `atMs` (monotonic) and returns units per second over the window. */
  record(atMs: number, total: number): number {
    const last = this.readings[this.readings.length - 1];
    if (last && total < last.total) this.readings.length = 0; // counter was reset (new tunnel)
    this.readings.push({ atMs, total });
    while (this.readings.length > 2 && atMs - this.readings[1]!.atMs >= this.windowMs) this.readings.shift();
    const first = this.readings[0]!;
    const elapsedMs = atMs - first.atMs;
    return elapsedMs > 0 ? ((total - first.total) * 1000) / elapsedMs : 0;
  }

  reset(): void {
    this.readings.length = 0;
  }
}
