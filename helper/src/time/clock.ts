// The clock every timer-driven part of ferryd reads, injected so tests run on fake time.

export interface Clock {
  /** Monotonic milliseconds (fractional allowed): protocol timers, keypair ages, rates. */
  nowMs(): number;
  /** Wall-clock milliseconds since the Unix epoch: TAI64N timestamps and user-facing dates only. */
  wallMs(): number;
}

export const systemClock: Clock = {
  nowMs: () => performance.now(),
  wallMs: () => Date.now(),
};
