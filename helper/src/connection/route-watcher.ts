// Notices when the way to the peer endpoints changes (new source address, interface or gateway) by asking the routing table every second.
import type { Logger } from '../log/logger.js';

/** One endpoint as Ferry's UDP socket reaches it: with the socket's mark, so policy routing is taken into account. */
export interface RouteTarget {
  address: string;
  fwmark: number | null;
}

/** Describes the route to `target` ("dev eth0 src 198.18.1.2 via 198.18.1.1"), or "unreachable". */
export type RouteLookup = (target: RouteTarget) => Promise<string>;

export interface IntervalTimers {
  setInterval(callback: () => void, intervalMs: number): unknown;
  clearInterval(handle: unknown): void;
}

/** What the connection manager is handed: start watching `targets`, call `onChange` on every change, stop on demand. */
export type WatchRoutes = (targets: RouteTarget[], onChange: (change: string) => void) => { stop(): void };

export interface RouteWatcherDeps {
  lookup: RouteLookup;
  timers: IntervalTimers;
  logger: Logger;
  /** Polling period; 1 s keeps a rebind within about a second without a netlink listener. */
  intervalMs?: number;
}

const DEFAULT_INTERVAL_MS = 1_000;

/*
 * Polling rather than a netlink listener: one `ip route get` a second is cheap, needs no long-running child,
 * and sees every cause (address moved, default route replaced, interface down) as one thing: the answer changed.
 */
export class RouteWatcher {
  private readonly last = new Map<string, string>();
  private timer: unknown = null;
  private checking = false;
  private stopped = false;

  constructor(
    private readonly targets: readonly RouteTarget[],
    private readonly onChange: (change: string) => void,
    private readonly deps: RouteWatcherDeps,
  ) {}

  start(): void {
    if (this.timer !== null) return;
    void this.check();
    this.timer = this.deps.timers.setInterval(() => void this.check(), this.deps.intervalMs ?? DEFAULT_INTERVAL_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.timers.clearInterval(this.timer);
    this.timer = null;
  }

  /** Looks every target up once; true when a route differs from the previous look (the first look only records). */
  async check(): Promise<boolean> {
    if (this.checking) return false;
    this.checking = true;
    try {
      const changes: string[] = [];
      for (const target of this.targets) {
        const route = await this.deps.lookup(target);
        const previous = this.last.get(target.address);
        this.last.set(target.address, route);
        if (previous !== undefined && previous !== route) changes.push(`${target.address}: ${previous} → ${route}`);
      }
      if (changes.length > 0 && !this.stopped) this.onChange(changes.join('; '));
      return changes.length > 0;
    } catch (error) {
      this.deps.logger.warn('could not look up the route to the server', { error: (error as Error).message });
      return false;
    } finally {
      this.checking = false;
    }
  }
}

/** The WatchRoutes ferryd uses: a RouteWatcher per connection, started at once. */
export function routeWatcherFactory(deps: RouteWatcherDeps): WatchRoutes {
  return (targets, onChange) => {
    const watcher = new RouteWatcher(targets, onChange, deps);
    watcher.start();
    return watcher;
  };
}
