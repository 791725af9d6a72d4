// A ConnectionManager on fakes (network, tunnel, firewall, route watcher) for the connection unit tests.
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import type { ConnectionState, Status } from '../../../shared/src/protocol/state.js';
import { DEFAULT_SETTINGS } from '../../../shared/src/protocol/settings.js';
import { Logger } from '../log/logger.js';
import { FakeFirewall } from '../platform/firewall.fake.js';
import { FakeNetworkConfigurator } from '../platform/network.fake.js';
import { FakeClock } from '../time/fake-clock.js';
import { systemRandom } from '../wireguard/random.js';
import { ConnectionManager, type ConnectionDeps } from './connection-manager.js';
import type { FirewallSettings } from './firewall-policy.js';
import type { RouteTarget } from './route-watcher.js';
import { FakeTunnelFactory } from './tunnel.fake.js';

export const KEY_A = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
export const KEY_B = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';

export function profileConfig(allowedIps: string[], extra: Partial<WgQuickConfig['interface']> = {}, host = '198.18.2.2'): WgQuickConfig {
  return {
    interface: {
      privateKey: KEY_A,
      addresses: ['10.66.0.2/32', 'fd66::2/128'],
      dns: ['10.66.0.1'],
      dnsSearch: [],
      preUp: [],
      postUp: [],
      preDown: [],
      postDown: [],
      ...extra,
    },
    peers: [{ publicKey: KEY_B, allowedIps, endpoint: { host, port: 51820 } }],
  };
}

/** The route watchers the manager started: their targets, whether they were stopped, and a way to report a change. */
export interface FakeRouteWatch {
  targets: RouteTarget[];
  stopped: boolean;
  change(description: string): void;
}

export function setupConnection(profiles: Record<string, WgQuickConfig>, initialSettings: Partial<FirewallSettings> = {}, extra: Partial<ConnectionDeps> = {}) {
  const clock = new FakeClock();
  const network = new FakeNetworkConfigurator();
  const tunnels = new FakeTunnelFactory();
  const firewall = new FakeFirewall();
  const settings: FirewallSettings = { killSwitch: DEFAULT_SETTINGS.killSwitch, lockdown: DEFAULT_SETTINGS.lockdown, allowLan: DEFAULT_SETTINGS.allowLan, ...initialSettings };
  const watches: FakeRouteWatch[] = [];
  const states: ConnectionState[] = [];
  const statuses: Status[] = [];
  const hosts: Record<string, string> = {};
  const manager = new ConnectionManager({
    clock,
    random: systemRandom,
    logger: new Logger({ clock, sink: () => undefined }),
    profiles: { get: (name) => (profiles[name] ? { name, config: profiles[name] } : undefined) },
    network,
    openTunnel: tunnels.open,
    firewall,
    settings: () => settings,
    chooseRouting: async () => ({ fwmark: 51820, table: 51820 }),
    defaultMtu: async () => 1420,
    lookupHost: async (host) => {
      const address = hosts[host];
      if (address === undefined) throw new Error(`ENOTFOUND ${host}`);
      return address;
    },
    watchRoutes: (targets, onChange) => {
      const watch: FakeRouteWatch = { targets, stopped: false, change: (description) => onChange(description) };
      watches.push(watch);
      return { stop: () => (watch.stopped = true) };
    },
    interfaceName: 'ferry0',
    ...extra,
  });
  // Facts (addresses, endpoint) are announced too; `states` follows the transitions, `statuses` keeps everything.
  manager.onState((status) => {
    statuses.push(status);
    if (states[states.length - 1] !== status.state) states.push(status.state);
  });
  return { manager, network, tunnels, firewall, settings, watches, states, statuses, hosts, clock };
}

/** Lets queued promise callbacks (a fire-and-forget firewall sync) run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
