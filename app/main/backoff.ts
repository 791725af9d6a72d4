// Retry delays for reconnecting to ferryd: doubling from a short first wait up to a cap, so a restarted service is found fast.
export interface BackoffOptions {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { firstDelayMs: 250, maxDelayMs: 2000 };

/** The wait before retry number `attempt` (0-based). A local socket needs no jitter: there is one client per app. */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt, 0), 30);
  return Math.min(options.firstDelayMs * 2 ** exponent, options.maxDelayMs);
}
