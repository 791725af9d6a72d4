// Drives one VPN connection through its states: firewall first, then bring-up, handshakes, stats, teardown (diagram in shared/src/protocol/state.ts).
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { validateProfile } from '../../../shared/src/profile/profile.js';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Status } from '../../../shared/src/protocol/state.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { Logger } from '../log/logger.js';
import type { Firewall, FirewallEndpoint, FirewallPolicy, FirewallSplit } from '../platform/firewall.js';
import type { NetworkConfigurator } from '../platform/network.js';
import type { SplitTunnelConfig } from '../platform/split-tunnel.js';
import type { Clock } from '../time/clock.js';
import type { DeviceEvent, Endpoint } from '../wireguard/device.js';
import type { Random } from '../wireguard/random.js';
import { waitUntilConnected } from './connection-wait.js';
import { ConnectionStatus } from './connection-status.js';
import { devicePeers, networkPlan, requireKey, type RoutingChoice } from './connection-plan.js';
import { handleDeviceEvent } from './device-events.js';
import { profileFirewallFacts, type FirewallSettings } from './firewall-policy.js';
import { FirewallSync } from './firewall-sync.js';
import { formatEndpoint, resolveProfileEndpoints, type HostLookup } from './resolve-endpoint.js';
import type { WatchRoutes } from './route-watcher.js';
import { startLatencyProbe, type RunningProbe } from './latency-probe.js';
import { probeAddresses } from './probe-target.js';
import { StatsRecorder } from './stats-recorder.js';
import type { OpenTunnel, TunnelHandle } from './tunnel-handle.js';

export interface StoredProfileSource {
  get(name: string): { name: string; config: WgQuickConfig } | undefined;
}

export interface ConnectionDeps {
  clock: Clock;
  random: Random;
  logger: Logger;
  profiles: StoredProfileSource;
  network: NetworkConfigurator;
  openTunnel: OpenTunnel;
  /** Kill switch / lockdown: Ferry's own table, set before the first handshake and kept through every transition. */
  firewall: Firewall;
  settings: () => FirewallSettings;
  /** The socket mark (and, for a full tunnel, the table) — wg-quick: 51820 upwards, first free table. */
  chooseRouting(): Promise<RoutingChoice>;
  /** MTU for a tunnel whose outer packets go to `endpointAddress` (route MTU − 80). */
  defaultMtu(endpointAddress: string | null): Promise<number>;
  lookupHost?: HostLookup;
  /** The latencyProbeTarget setting: an IP, 'off', or null for automatic. */
  latencyProbeTarget?: () => string | null;
  /** Watches the route to the endpoints while a tunnel exists, to rebind after a network change; none in tests that do not care. */
  watchRoutes?: WatchRoutes;
  /** Per-app split tunnelling (issue 6): told of each tunnel once its routes are in place and when it is gone; its mode joins the block. */
  split?: { setTunnel(tunnel: SplitTunnelConfig['tunnel']): Promise<unknown>; firewallSplit(): FirewallSplit | null };
  interfaceName: string;
}

export interface ConnectOptions {
  wait?: boolean;
  timeoutMs?: number;
  /** Addresses for endpoint hosts that do not resolve (at start-up: those of the block a crashed ferryd left). */
  fallbackEndpoints?: FirewallEndpoint[];
  /** Bring the tunnel up afresh even if this profile is already up (an edited profile takes effect); the block stays throughout. */
  restart?: boolean;
}

const DEFAULT_WAIT_MS = 15_000;

interface ActiveTunnel {
  profile: string;
  tunnel: TunnelHandle;
  routes: { stop(): void } | null;
  probe: RunningProbe | null;
}

type Resolved = FerryResult<(Endpoint | undefined)[]>;

export class ConnectionManager {
  private readonly status: ConnectionStatus;
  private readonly stats: StatsRecorder;
  private readonly firewall: FirewallSync;
  private active: ActiveTunnel | null = null;
  /** Peer public key → its endpoint, for the firewall's list of what Ferry's UDP may reach. */
  private peerEndpoints = new Map<string, Endpoint>();
  /** Bumped by every connect and disconnect, so a bring-up that lost the race knows to stand down. */
  private generation = 0;

  constructor(private readonly deps: ConnectionDeps) {
    this.stats = new StatsRecorder(deps.clock);
    const { firewall, settings, clock, logger } = deps;
    const split = (): FirewallSplit | null => deps.split?.firewallSplit() ?? null;
    this.firewall = new FirewallSync({ firewall, settings, clock, logger, split, state: () => this.status.current, onBlockChange: () => this.status.refresh() });
    this.status = new ConnectionStatus(deps.clock, () => this.stats.current(), () => this.firewall.block());
  }

  current(): Status {
    return this.status.snapshot();
  }

  onState(listener: (status: Status) => void): () => void {
    return this.status.onChange(listener);
  }

  onStats(listener: (sample: StatsSample) => void): () => void {
    return this.stats.onSample(listener);
  }

  statsNow(): StatsSample {
    return this.stats.now();
  }

  statsHistory(seconds: number): StatsSample[] {
    return this.stats.history(seconds);
  }

  /** Makes the block match the state and settings now (after a settings change, at start-up). */
  syncFirewall(): Promise<FerryResult<void>> {
    return this.firewall.sync();
  }

  /** At start-up, before anything else: takes over the block a previous ferryd left in force. */
  adoptFirewall(): Promise<FerryResult<FirewallPolicy | null>> {
    return this.firewall.adopt();
  }

  async connect(name: string, options: ConnectOptions = {}): Promise<FerryResult<Status>> {
    const profile = this.deps.profiles.get(name);
    if (!profile) return fail('PROFILE_NOT_FOUND', `profile "${name}" not found`);
    // Drafts (no address or peer yet) may be stored, but only a complete profile can connect.
    const problems = validateProfile(profile.config, { requirePrivateKey: true });
    if (problems.length > 0) {
      const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return fail('PROFILE_INVALID', `profile "${name}" cannot connect: ${summary}`, { errors: problems });
    }
    // Otherwise a connect to the profile that is already up (or coming up) changes nothing.
    if (options.restart || this.active?.profile !== name || this.status.current === 'error') {
      const started = await this.start(profile.name, profile.config, options.fallbackEndpoints ?? []);
      if (!started.ok) return started;
    }
    if (options.wait && this.status.current !== 'connected') {
      const waited = await waitUntilConnected((listener) => this.status.onChange(listener), options.timeoutMs ?? DEFAULT_WAIT_MS);
      if (!waited.ok) return waited;
    }
    return ok(this.current());
  }

  async disconnect(): Promise<FerryResult<Status>> {
    this.generation++;
    if (this.active || this.status.current !== 'disconnected') {
      await this.leave();
      this.firewall.facts = null;
      this.status.enter('disconnected');
      // Lifts the block (or keeps lockdown) only now that routes and DNS are back.
      await this.firewall.sync();
    }
    return ok(this.current());
  }

  /** At start-up: undo whatever a ferryd that died with a tunnel up left in the system (the firewall aside). */
  async recover(): Promise<FerryResult<void>> {
    return this.deps.network.recover();
  }

  /** Replaces whatever tunnel there is by one for `profile`; the block of the old one stays until the new one's replaces it. */
  private async start(profile: string, config: WgQuickConfig, fallback: FirewallEndpoint[]): Promise<FerryResult<void>> {
    const generation = ++this.generation;
    // Resolved while the old tunnel (if any) is still up: under a kill switch, DNS only works through a tunnel.
    const endpoints = await this.resolveEndpoints(profile, config, fallback);
    if (generation !== this.generation) return fail('CONNECT_FAILED', 'the connection was cancelled');
    if (this.active || this.status.current !== 'disconnected') await this.leave();
    this.status.enter('connecting', { profile, interfaceName: null, addresses: [], endpoint: null });
    const brought = endpoints.ok ? await this.bringUp(profile, config, endpoints.value, generation) : endpoints;
    if (!brought.ok && generation === this.generation) this.status.enter('error', undefined, brought.error);
    return brought;
  }

  private async resolveEndpoints(profile: string, config: WgQuickConfig, fallback: FirewallEndpoint[]): Promise<Resolved> {
    try {
      return ok(await resolveProfileEndpoints(config.peers, this.deps.lookupHost, fallback));
    } catch (error) {
      return fail('CONNECT_FAILED', `could not connect "${profile}": ${(error as Error).message}`);
    }
  }

  private async bringUp(profile: string, config: WgQuickConfig, endpoints: (Endpoint | undefined)[], generation: number): Promise<FerryResult<void>> {
    let tunnel: TunnelHandle | undefined;
    try {
      const endpoint = endpoints.find(Boolean);
      // Two read-only look-ups (ip route show/get), side by side: every step here adds to connect time.
      const [routing, mtuBytes] = await Promise.all([this.routingFor(config), config.interface.mtu ?? this.deps.defaultMtu(endpoint?.address ?? null)]);
      const protectedNow = await this.protect(config, endpoints, routing.fwmark, generation);
      if (!protectedNow.ok) return protectedNow;
      tunnel = this.openTunnel(config, endpoints, mtuBytes, routing.fwmark, this.deviceEventsFor(generation, () => tunnel));
      const serverAddresses = endpoints.flatMap((resolved) => (resolved ? [resolved.address] : []));
      const plan = networkPlan(config, tunnel.interfaceName, mtuBytes, routing, serverAddresses);
      const applied = await this.deps.network.apply(plan);
      if (!applied.ok) {
        tunnel.close();
        return applied;
      }
      if (generation !== this.generation) {
        // A disconnect (or another connect) arrived while we were setting up: undo quietly.
        await this.deps.network.revert();
        tunnel.close();
        return fail('CONNECT_FAILED', 'the connection was cancelled');
      }
      await this.deps.split?.setTunnel({ interfaceName: tunnel.interfaceName, dnsServers: plan.dns?.servers ?? [] });
      const started = tunnel;
      const active: ActiveTunnel = { profile, tunnel: started, routes: this.watchRoutes(endpoints, routing.fwmark, started, generation), probe: null };
      this.active = active;
      this.status.enter('connecting', { interfaceName: started.interfaceName, addresses: plan.addresses, endpoint: endpoint ? formatEndpoint(endpoint) : null });
      this.stats.start(() => started.stats(), () => active.probe?.reading());
      started.start();
      started.initiateHandshake();
      active.probe = this.startProbe(config, started);
      this.deps.logger.info('tunnel is up, handshaking', { profile, interface: started.interfaceName, mtuBytes, endpoint: endpoint ? formatEndpoint(endpoint) : null });
      return ok(undefined);
    } catch (error) {
      tunnel?.close();
      const message = error instanceof Error ? error.message : String(error);
      this.deps.logger.error('connect failed', { profile, error: message });
      return fail('CONNECT_FAILED', `could not connect "${profile}": ${message}`);
    }
  }

  private openTunnel(config: WgQuickConfig, endpoints: (Endpoint | undefined)[], mtuBytes: number, fwmark: number, onEvent: (event: DeviceEvent) => void): TunnelHandle {
    const options = {
      interfaceName: this.deps.interfaceName,
      privateKey: requireKey(config.interface.privateKey, 'private key'),
      peers: devicePeers(config, endpoints),
      mtuBytes,
      fwmark,
      ...(config.interface.listenPort ? { listenPort: config.interface.listenPort } : {}),
    };
    return this.deps.openTunnel(options, { clock: this.deps.clock, random: this.deps.random, onEvent });
  }

  /** The block for this profile, in force before any tunnel exists (so before the first handshake). */
  private async protect(config: WgQuickConfig, endpoints: (Endpoint | undefined)[], fwmark: number, generation: number): Promise<FerryResult<void>> {
    if (generation !== this.generation) return fail('CONNECT_FAILED', 'the connection was cancelled');
    this.peerEndpoints = new Map();
    config.peers.forEach((peer, i) => {
      const endpoint = endpoints[i];
      if (peer.publicKey && endpoint) this.peerEndpoints.set(peer.publicKey, endpoint);
    });
    const connection = { interfaceName: this.deps.interfaceName, endpoints: [...this.peerEndpoints.values()], fwmark };
    this.firewall.facts = profileFirewallFacts(config, connection);
    const synced = await this.firewall.sync();
    if (!synced.ok) return synced;
    return generation === this.generation ? ok(undefined) : fail('CONNECT_FAILED', 'the connection was cancelled');
  }

  /** Always a mark, even for a split tunnel (no policy routing then): a kill switch turned on later needs it. */
  private async routingFor(config: WgQuickConfig): Promise<RoutingChoice> {
    const mark = config.interface.fwMark;
    return mark ? { fwmark: mark, table: mark } : this.deps.chooseRouting();
  }

  private watchRoutes(endpoints: (Endpoint | undefined)[], fwmark: number, tunnel: TunnelHandle, generation: number): { stop(): void } | null {
    const targets = endpoints.flatMap((endpoint) => (endpoint ? [{ address: endpoint.address, fwmark }] : []));
    if (!this.deps.watchRoutes || targets.length === 0) return null;
    return this.deps.watchRoutes(targets, (change) => {
      if (generation !== this.generation) return;
      // The socket is bound to the wildcard address, so the kernel already sends from the new source (no rebind
      // needed): a keepalive makes the server roam to it at once, and a new handshake follows (rate limit permitting).
      this.deps.logger.info('the way to the server changed; telling it where we are', { change });
      tunnel.sendKeepalives();
      tunnel.initiateHandshake();
      void this.firewall.sync();
    });
  }

  private startProbe(config: WgQuickConfig, tunnel: TunnelHandle): RunningProbe | null {
    const addresses = probeAddresses(config, this.deps.latencyProbeTarget?.() ?? null);
    return addresses ? startLatencyProbe(tunnel, addresses, this.deps) : null;
  }

  private deviceEventsFor(generation: number, tunnel: () => TunnelHandle | undefined): (event: DeviceEvent) => void {
    return (event) => {
      if (generation !== this.generation) return;
      handleDeviceEvent(event, {
        status: this.status,
        logger: this.deps.logger,
        tunnel: tunnel(),
        onEndpointChanged: (peer, endpoint) => this.onEndpointChanged(peer, endpoint),
      });
    };
  }

  private onEndpointChanged(peer: string, endpoint: Endpoint): void {
    const facts = this.firewall.facts;
    if (facts === null) return;
    this.peerEndpoints.set(peer, endpoint);
    this.firewall.facts = { ...facts, endpoints: [...this.peerEndpoints.values()].map(({ address, port }) => ({ address, port })) };
    void this.firewall.sync();
  }

  /** `disconnecting` and the teardown; the block (if any) stays: the caller decides what follows. */
  private async leave(): Promise<void> {
    this.status.enter('disconnecting');
    await this.tearDown();
  }

  private async tearDown(): Promise<void> {
    const active = this.active;
    this.active = null;
    active?.routes?.stop();
    active?.probe?.stop();
    this.stats.stop();
    // Routes, rules and DNS go first so that nothing is routed into a device that is about to vanish.
    const reverted = await this.deps.network.revert();
    if (!reverted.ok) this.deps.logger.error('could not restore the network completely', { error: reverted.error.message });
    await this.deps.split?.setTunnel(null);
    active?.tunnel.close();
    if (active) this.deps.logger.info('tunnel is down', { profile: active.profile });
  }
}
