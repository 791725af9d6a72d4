// The coalescing of split change notices: first call at once, a burst folded into one trailing call per interval.
import { describe, expect, it } from 'vitest';
import { FakeTimers } from './timers.fake.js';
import { throttle } from './throttle.js';

describe('throttle', () => {
  it('runs the first call at once and folds the rest of the interval into one call at its end', () => {
    const timers = new FakeTimers();
    let runs = 0;
    const throttled = throttle(() => runs++, 250, timers);
    throttled.call();
    expect(runs).toBe(1);
    for (let i = 0; i < 50; i++) throttled.call();
    timers.advance(249);
    expect(runs).toBe(1);
    timers.advance(1);
    expect(runs).toBe(2);
    timers.advance(250);
    expect(runs).toBe(2);
    timers.advance(1000);
    throttled.call();
    expect(runs).toBe(3);
  });

  it('keeps going while calls keep coming: one run per interval', () => {
    const timers = new FakeTimers();
    let runs = 0;
    const throttled = throttle(() => runs++, 100, timers);
    for (let ms = 0; ms < 1000; ms += 10) {
      throttled.call();
      timers.advance(10);
    }
    // At 0 ms, then at the end of each of the ten intervals (the calls from 990 ms included).
    expect(runs).toBe(11);
  });

  it('drops a pending run when cancelled', () => {
    const timers = new FakeTimers();
    let runs = 0;
    const throttled = throttle(() => runs++, 100, timers);
    throttled.call();
    throttled.call();
    throttled.cancel();
    timers.advance(500);
    expect(runs).toBe(1);
  });
});
