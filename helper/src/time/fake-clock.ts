// A clock for tests: time moves only when the test says so.
import type { Clock } from './clock.js';

export class FakeClock implements Clock {
  private monotonicMs: number;
  private wallOffsetMs: number;

  constructor(startWallMs = Date.UTC(2026, 0, 1), startMonotonicMs = 1_000_000) {
    this.monotonicMs = startMonotonicMs;
    this.wallOffsetMs = startWallMs - startMonotonicMs;
  }

  nowMs(): number {
    return this.monotonicMs;
  }

  wallMs(): number {
    return this.monotonicMs + this.wallOffsetMs;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('FakeClock cannot go backwards');
    this.monotonicMs += ms;
  }
}
