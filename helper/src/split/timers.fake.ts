// Timers for tests: nothing fires until the test calls advance(ms).
import type { Timers } from './timers.js';

interface Pending {
  callback: () => void;
  dueMs: number;
  intervalMs: number | null;
}

export class FakeTimers implements Timers {
  private nowMs = 0;
  private readonly pending = new Map<number, Pending>();
  private nextHandle = 1;

  setTimeout(callback: () => void, delayMs: number): unknown {
    return this.add({ callback, dueMs: this.nowMs + delayMs, intervalMs: null });
  }

  setInterval(callback: () => void, intervalMs: number): unknown {
    return this.add({ callback, dueMs: this.nowMs + intervalMs, intervalMs });
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  clearInterval(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  get activeCount(): number {
    return this.pending.size;
  }

  /** Moves time forward, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const endMs = this.nowMs + ms;
    for (;;) {
      const [handle, next] = [...this.pending.entries()].sort((a, b) => a[1].dueMs - b[1].dueMs)[0] ?? [];
      if (handle === undefined || next === undefined || next.dueMs > endMs) break;
      this.nowMs = next.dueMs;
      if (next.intervalMs === null) this.pending.delete(handle);
      else next.dueMs += next.intervalMs;
      next.callback();
    }
    this.nowMs = endMs;
  }

  private add(timer: Pending): number {
    const handle = this.nextHandle++;
    this.pending.set(handle, timer);
    return handle;
  }
}
