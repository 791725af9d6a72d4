// Drives one VPN connection through its states: bring-up, handshakes, stats, teardown (diagram in shared/src/protocol/state.ts).
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { validateProfile } from '../../../shared/src/profile/profile.js';
import { fail, ferryError, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { Status } from '../../../shared/src/protocol/state.js';
import type { StatsSample } from '../../../shared/src/protocol/stats.js';
import type { Logger } from '../log/logger.js';
import type { NetworkConfigurator } from '../platform/network.js';
import type { Clock } from '../time/clock.js';
import type { DeviceEvent, Endpoint } from '../wireguard/device.js';
import type { Random } from '../wireguard/random.js';
import { ConnectionStatus } from './connection-status.js';
import { defaultRouteFamilies, devicePeers, networkPlan, requireKey, type RoutingChoice } from './connection-plan.js';
import { formatEndpoint, resolveEndpoint, type HostLookup } from './resolve-endpoint.js';
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
  /** The mark and table for a full tunnel (wg-quick: 51820 upwards, first free table). */
  chooseRouting(): Promise<RoutingChoice>;
  /** MTU for a tunnel whose outer packets go to `endpointAddress` (route MTU − 80). */
  defaultMtu(endpointAddress: string | null): Promise<number>;
  lookupHost?: HostLookup;
  interfaceName: string;
}

export interface ConnectOptions {
  wait?: boolean;
  timeoutMs?: number;
}

const DEFAULT_WAIT_MS = 15_000;
/** Retries of one handshake before the UI says the connection is being re-established (~10 s of silence). */
const RECONNECTING_AFTER_ATTEMPTS = 3;

interface ActiveTunnel {
  profile: string;
  tunnel: TunnelHandle;
}

export class ConnectionManager {
  private readonly status: ConnectionStatus;
  private readonly stats: StatsRecorder;
  private active: ActiveTunnel | null = null;
  /** Bumped by every connect and disconnect, so a bring-up that lost the race knows to stand down. */
  private generation = 0;

  constructor(private readonly deps: ConnectionDeps) {
    this.stats = new StatsRecorder(deps.clock);
    this.status = new ConnectionStatus(deps.clock, () => this.stats.current());
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

  async connect(name: string, options: ConnectOptions = {}): Promise<FerryResult<Status>> {
    const profile = this.deps.profiles.get(name);
    if (!profile) return fail('PROFILE_NOT_FOUND', `profile "${name}" not found`);
    // Drafts (no address or peer yet) may be stored, but only a complete profile can connect.
    const problems = validateProfile(profile.config, { requirePrivateKey: true });
    if (problems.length > 0) {
      const summary = problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return fail('PROFILE_INVALID', `profile "${name}" cannot connect: ${summary}`, { errors: problems });
    }
    if (this.active?.profile !== name || this.status.current === 'error') {
      if (this.active || this.status.current === 'error') await this.disconnect();
      const generation = ++this.generation;
      this.status.enter('connecting', { profile: name, interfaceName: null, addresses: [], endpoint: null });
      const brought = await this.bringUp(profile.name, profile.config, generation);
      if (!brought.ok) {
        if (generation === this.generation) this.status.enter('error', undefined, brought.error);
        return brought;
      }
    }
    if (options.wait && this.status.current !== 'connected') {
      const waited = await this.waitUntilConnected(options.timeoutMs ?? DEFAULT_WAIT_MS);
      if (!waited.ok) return waited;
    }
    return ok(this.current());
  }

  async disconnect(): Promise<FerryResult<Status>> {
    this.generation++;
    if (this.active || this.status.current !== 'disconnected') {
      this.status.enter('disconnecting');
      await this.tearDown();
      this.status.enter('disconnected');
    }
    return ok(this.current());
  }

  /** At start-up: undo whatever a ferryd that died with a tunnel up left in the system. */
  async recover(): Promise<FerryResult<void>> {
    return this.deps.network.recover();
  }

  private async bringUp(profile: string, config: WgQuickConfig, generation: number): Promise<FerryResult<void>> {
    const { logger } = this.deps;
    let tunnel: TunnelHandle | undefined;
    try {
      const endpoints = await this.resolveEndpoints(config);
      const routing = await this.routingFor(config);
      const mtuBytes = config.interface.mtu ?? (await this.deps.defaultMtu(endpoints.find(Boolean)?.address ?? null));
      tunnel = this.deps.openTunnel(
        {
          interfaceName: this.deps.interfaceName,
          privateKey: requireKey(config.interface.privateKey, 'private key'),
          peers: devicePeers(config, endpoints),
          mtuBytes,
          fwmark: routing?.fwmark ?? 0,
          ...(config.interface.listenPort ? { listenPort: config.interface.listenPort } : {}),
        },
        { clock: this.deps.clock, random: this.deps.random, onEvent: (event) => this.onDeviceEvent(event, generation) },
      );
      const plan = networkPlan(config, tunnel.interfaceName, mtuBytes, routing);
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
      this.active = { profile, tunnel };
      const endpoint = endpoints.find(Boolean);
      this.status.enter('connecting', {
        interfaceName: tunnel.interfaceName,
        addresses: plan.addresses,
        endpoint: endpoint ? formatEndpoint(endpoint) : null,
      });
      this.stats.start(() => tunnel!.stats());
      tunnel.start();
      tunnel.initiateHandshake();
      logger.info('tunnel is up, handshaking', { profile, interface: tunnel.interfaceName, mtuBytes, endpoint: endpoint ? formatEndpoint(endpoint) : null });
      return ok(undefined);
    } catch (error) {
      tunnel?.close();
      const message = error instanceof Error ? error.message : String(error);
      logger.error('connect failed', { profile, error: message });
      return fail('CONNECT_FAILED', `could not connect "${profile}": ${message}`);
    }
  }

  private async resolveEndpoints(config: WgQuickConfig): Promise<(Endpoint | undefined)[]> {
    return Promise.all(
      config.peers.map(async (peer) => {
        if (!peer.endpoint) return undefined;
        try {
          return await resolveEndpoint(peer.endpoint, this.deps.lookupHost);
        } catch {
          throw new Error(`cannot resolve the endpoint host "${peer.endpoint.host}"`);
        }
      }),
    );
  }

  private async routingFor(config: WgQuickConfig): Promise<RoutingChoice | null> {
    const families = defaultRouteFamilies(config);
    if (config.interface.table?.kind === 'off' || (!families.ipv4 && !families.ipv6)) return null;
    const mark = config.interface.fwMark;
    return mark ? { fwmark: mark, table: mark } : this.deps.chooseRouting();
  }

  private async tearDown(): Promise<void> {
    const active = this.active;
    this.active = null;
    this.stats.stop();
    // Routes, rules and DNS go first so that nothing is routed into a device that is about to vanish.
    const reverted = await this.deps.network.revert();
    if (!reverted.ok) this.deps.logger.error('could not restore the network completely', { error: reverted.error.message });
    active?.tunnel.close();
    if (active) this.deps.logger.info('tunnel is down', { profile: active.profile });
  }

  private onDeviceEvent(event: DeviceEvent, generation: number): void {
    if (generation !== this.generation) return;
    const { logger } = this.deps;
    switch (event.type) {
      case 'handshake-complete':
        logger.info('handshake complete', { role: event.role });
        if (this.status.current === 'connecting' || this.status.current === 'reconnecting') this.status.enter('connected');
        break;
      case 'handshake-initiated':
        logger.debug('handshake initiated', { attempt: event.attempt });
        if (this.status.current === 'connected' && event.attempt >= RECONNECTING_AFTER_ATTEMPTS) this.status.enter('reconnecting');
        break;
      case 'handshake-failed':
        // A VPN client does not give up: keep trying, the server may come back.
        logger.warn('no handshake answer; trying again', { reason: event.reason });
        if (this.status.current === 'connected') this.status.enter('reconnecting');
        this.active?.tunnel.initiateHandshake();
        break;
      case 'endpoint-changed':
        logger.info('peer endpoint changed', { endpoint: formatEndpoint(event.endpoint) });
        break;
      case 'keys-zeroed':
        logger.debug('session keys erased');
        break;
      case 'packet-dropped':
        logger.debug('packet dropped', { reason: event.reason });
        break;
    }
  }

  private waitUntilConnected(timeoutMs: number): Promise<FerryResult<void>> {
    return new Promise((resolve) => {
      const finish = (result: FerryResult<void>): void => {
        clearTimeout(timer);
        unsubscribe();
        resolve(result);
      };
      const timer = setTimeout(
        () => finish(fail('HANDSHAKE_TIMEOUT', `no handshake with the server within ${Math.round(timeoutMs / 1000)} s; still trying`)),
        timeoutMs,
      );
      const unsubscribe = this.status.onChange((status) => {
        if (status.state === 'connected') finish(ok(undefined));
        else if (status.state === 'error' || status.state === 'disconnected') {
          finish({ ok: false, error: status.error ?? ferryError('CONNECT_FAILED', 'the connection was cancelled') });
        }
      });
    });
  }
}
