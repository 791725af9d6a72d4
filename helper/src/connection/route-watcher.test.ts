// The route watcher: first look records, a different answer reports a change, overlapping or stopped checks stay quiet.
import { describe, expect, it } from 'vitest';
import { Logger } from '../log/logger.js';
import { FakeClock } from '../time/fake-clock.js';
import { RouteWatcher, routeWatcherFactory, type IntervalTimers, type RouteTarget } from './route-watcher.js';

const TARGET: RouteTarget = { address: '198.18.2.2', fwmark: 51820 };
const logger = new Logger({ clock: new FakeClock(), sink: () => undefined });

class ManualTimers implements IntervalTimers {
  callbacks = new Map<number, () => void>();
  private next = 1;
  setInterval(callback: () => void): unknown {
    this.callbacks.set(this.next, callback);
    return this.next++;
  }
  clearInterval(handle: unknown): void {
    this.callbacks.delete(handle as number);
  }
}

function watcherWith(routes: string[]) {
  const changes: string[] = [];
  const looked: RouteTarget[] = [];
  const lookup = async (target: RouteTarget): Promise<string> => {
    looked.push(target);
    const route = routes.shift();
    if (route === undefined) throw new Error('ip: no answer');
    return route;
  };
  const watcher = new RouteWatcher([TARGET], (change) => changes.push(change), { lookup, timers: new ManualTimers(), logger });
  return { watcher, changes, looked };
}

describe('RouteWatcher', () => {
  it('reports a changed route once, and not the first look', async () => {
    const { watcher, changes, looked } = watcherWith(['dev eth0 src 198.18.1.2', 'dev eth0 src 198.18.1.2', 'dev eth0 src 198.18.4.2']);
    expect(await watcher.check()).toBe(false);
    expect(await watcher.check()).toBe(false);
    expect(await watcher.check()).toBe(true);
    expect(changes).toEqual(['198.18.2.2: dev eth0 src 198.18.1.2 → dev eth0 src 198.18.4.2']);
    expect(looked).toEqual([TARGET, TARGET, TARGET]);
  });

  it('counts a route that comes back after being unreachable as a change', async () => {
    const { watcher, changes } = watcherWith(['dev eth0 src 198.18.1.2', 'unreachable', 'dev eth1 src 198.18.4.2']);
    await watcher.check();
    await watcher.check();
    await watcher.check();
    expect(changes).toHaveLength(2);
  });

  it('skips a check while one is running, survives lookup errors, and is quiet once stopped', async () => {
    const { watcher, changes } = watcherWith(['a', 'b']);
    const [first, second] = await Promise.all([watcher.check(), watcher.check()]);
    expect([first, second]).toEqual([false, false]);
    expect(await watcher.check()).toBe(true); // only the first call looked: 'a', now 'b'
    expect(changes).toEqual(['198.18.2.2: a → b']);
    expect(await watcher.check()).toBe(false); // the lookup throws: logged, not thrown
    watcher.stop();
    expect(changes).toHaveLength(1);
  });

  it('polls on an interval once started by the factory, and stops', async () => {
    const timers = new ManualTimers();
    const routes = ['x', 'x', 'y'];
    const changes: string[] = [];
    const watch = routeWatcherFactory({ lookup: async () => routes.shift() ?? 'y', timers, logger })([TARGET], (change) => changes.push(change));
    await new Promise((resolve) => setImmediate(resolve));
    const [tick] = [...timers.callbacks.values()];
    tick?.();
    await new Promise((resolve) => setImmediate(resolve));
    tick?.();
    await new Promise((resolve) => setImmediate(resolve));
    expect(changes).toEqual(['198.18.2.2: x → y']);
    watch.stop();
    expect(timers.callbacks.size).toBe(0);
  });
});
