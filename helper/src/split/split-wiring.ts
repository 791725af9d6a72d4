// Wires per-app split tunnelling into ferryd (issue 6): the engine, the IPC service, coalesced change events, the tunnel hook and the kill switch's view.
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import type { SplitTunnelConfig } from '../platform/split-tunnel.js';
import type { FirewallSplit } from '../platform/firewall.js';
import { createSplitManager, type SplitManagerOptions } from './create-split-manager.js';
import { readIcon } from './desktop-icons.js';
import type { SplitManager } from './split-manager.js';
import type { SplitService } from './split-service.js';
import { throttle } from './throttle.js';
import { systemTimers, type Timers } from './timers.js';
import { userApps, type UserAppsOptions } from './user-apps.js';

/** How often the `split` event may go out while processes are being caught. */
export const SPLIT_EVENT_INTERVAL_MS = 250;

export interface SplitWiringOptions extends Omit<SplitManagerOptions, 'onChange' | 'onCaught'> {
  timers?: Timers;
  apps?: UserAppsOptions;
  /** Opens the engine; tests pass one over fakes. */
  open?: (options: SplitManagerOptions) => Promise<SplitManager>;
}

export interface SplitWiring {
  readonly service: SplitService;
  readonly manager: SplitManager;
  /** What the kill switch must let through: the mode while split tunnelling is enforced, else null. */
  firewallSplit(): FirewallSplit | null;
  /** Called (and awaited) after a change that alters firewallSplit(); ferryd re-syncs its block there. */
  onFirewallChange(hook: () => Promise<unknown>): void;
  /** After every successful network apply (our policy rule must stay first), and with null after teardown. */
  setTunnel(tunnel: SplitTunnelConfig['tunnel']): Promise<FerryResult<void>>;
  /** At shutdown: processes released, kernel changes undone. */
  close(): Promise<FerryResult<void>>;
}

/** Test hooks read from ferryd's environment: a mountinfo without cgroup2 (issue 6's check), and the lab's own cgroup names. */
export function splitOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): Pick<SplitManagerOptions, 'mountInfoPath' | 'parentCgroupName'> {
  const mountInfoPath = env.FERRY_SPLIT_MOUNTINFO;
  const prefix = env.FERRY_SPLIT_CGROUP_PREFIX;
  const validPrefix = prefix !== undefined && /^[a-z0-9][a-z0-9-]{0,40}$/.test(prefix) ? prefix : undefined;
  return {
    ...(mountInfoPath ? { mountInfoPath } : {}),
    ...(validPrefix ? { parentCgroupName: (mode: 'exclude' | 'include') => `${validPrefix}-${mode}` } : {}),
  };
}

/** Keeps firewallSplit() and the block in step: a change that alters it awaits the hook before its caller hears back. */
class FirewallFollower {
  private hook: (() => Promise<unknown>) | null = null;
  private last: string;

  constructor(private readonly current: () => FirewallSplit | null) {
    this.last = JSON.stringify(current());
  }

  setHook(hook: () => Promise<unknown>): void {
    this.hook = hook;
  }

  async after<T>(change: Promise<T>): Promise<T> {
    const result = await change;
    const now = JSON.stringify(this.current());
    if (now !== this.last) {
      this.last = now;
      await this.hook?.();
    }
    return result;
  }
}

function firewallSplitOf(manager: SplitManager): FirewallSplit | null {
  const status = manager.status();
  return status.enforced && status.mode !== 'off' ? { mode: status.mode } : null;
}

function createService(manager: SplitManager, follower: FirewallFollower, listeners: Set<() => void>, appOptions: UserAppsOptions | undefined): SplitService {
  return {
    status: () => manager.status(),
    list: () => manager.list(),
    setMode: (mode) => follower.after(manager.setMode(mode)),
    addRule: (path, name) => follower.after(manager.addRule(path, name ?? null)),
    removeRule: (key) => follower.after(manager.removeRule(key)),
    addPid: (pid, caller) => manager.addPid(pid, caller),
    removePid: (pid, caller) => manager.removePid(pid, caller),
    launch: (caller, pid) => manager.launch(caller, pid),
    apps: (uid, dataDirs) => userApps(uid, dataDirs, manager.rules(), appOptions),
    icon: (uid, iconPath) => readIcon(iconPath, uid),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Opens the engine (split.json applied) and everything ferryd hangs on it. */
export async function startSplit(options: SplitWiringOptions): Promise<SplitWiring> {
  const { open = createSplitManager, timers = systemTimers, apps: appOptions, ...managerOptions } = options;
  const listeners = new Set<() => void>();
  const events = throttle(() => listeners.forEach((listener) => listener()), SPLIT_EVENT_INTERVAL_MS, timers);
  const manager = await open({ ...managerOptions, onChange: () => events.call() });
  const follower = new FirewallFollower(() => firewallSplitOf(manager));
  return {
    service: createService(manager, follower, listeners, appOptions),
    manager,
    firewallSplit: () => firewallSplitOf(manager),
    onFirewallChange: (hook) => follower.setHook(hook),
    setTunnel: (tunnel) => follower.after(manager.setTunnel(tunnel)),
    close: async () => {
      events.cancel();
      return follower.after(manager.close());
    },
  };
}
