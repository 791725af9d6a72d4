// Coalesces bursts of calls (a rescan catching fifty processes) into at most one call per interval, first and last call kept.
import type { Timers } from './timers.js';

/**
 * The first call runs at once; calls during the following `intervalMs` are folded into one more run at its end.
 * `cancel()` drops a pending run (at shutdown).
 */
export function throttle(run: () => void, intervalMs: number, timers: Timers): { call(): void; cancel(): void } {
  let window: unknown = null;
  let pending = false;
  const open = (): void => {
    window = timers.setTimeout(() => {
      window = null;
      if (!pending) return;
      pending = false;
      run();
      open();
    }, intervalMs);
  };
  return {
    call: () => {
      if (window !== null) {
        pending = true;
        return;
      }
      run();
      open();
    },
    cancel: () => {
      if (window !== null) timers.clearTimeout(window);
      window = null;
      pending = false;
    },
  };
}
