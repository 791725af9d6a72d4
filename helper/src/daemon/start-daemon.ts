// The composition root of ferryd: builds the stores, platform, connection manager and IPC server from options.
import { readFileSync } from 'node:fs';
import type { LogLevel } from '../../../shared/src/protocol/log.js';
import { ConnectionManager } from '../connection/connection-manager.js';
import { routeWatcherFactory } from '../connection/route-watcher.js';
import { Tunnel } from '../connection/tunnel.js';
import { WantedConnectionFile } from '../connection/wanted-connection.js';
import { startIpcServer, type IpcServer } from '../ipc/server.js';
import { createStreamSink } from '../log/log-sink.js';
import { Logger } from '../log/logger.js';
import { peerCredentials } from '../native/peer-credentials.js';
import { createExecFileRunner } from '../platform/command-runner.js';
import { createPlatform } from '../platform/platform.js';
import { describeRouteTo } from '../platform/route-lookup.linux.js';
import { splitOptionsFromEnv, startSplit } from '../split/split-wiring.js';
import { ProfileStore } from '../store/profile-store.js';
import { SettingsStore } from '../store/settings-store.js';
import { ensurePrivateDirectory, profilesDirectory, settingsPath } from '../store/state-dir.js';
import { systemClock } from '../time/clock.js';
import { generatePrivateKey, publicKeyOf } from '../wireguard/crypto.js';
import { systemRandom } from '../wireguard/random.js';
import type { DaemonOptions } from './daemon-options.js';
import { DaemonService } from './daemon-service.js';
import { resumeAfterStart } from './resume-after-start.js';

/** The name of Ferry's TUN device. */
export const INTERFACE_NAME = 'ferry0';

export interface RunningDaemon {
  readonly logger: Logger;
  /** Orderly shutdown: disconnect (restoring the network; the block goes unless lockdown is on), stop serving. */
  stop(): Promise<void>;
}

function packageVersion(): string {
  const packageJson = new URL('../../../../package.json', import.meta.url);
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Node's interval timers, unref'd: a route watcher alone must not keep ferryd alive. */
const intervalTimers = {
  setInterval: (callback: () => void, intervalMs: number): unknown => setInterval(callback, intervalMs).unref(),
  clearInterval: (handle: unknown): void => clearInterval(handle as NodeJS.Timeout),
};

export async function startDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const clock = systemClock;
  const logger = new Logger({ clock, sink: createStreamSink(), level: options.logLevel ?? 'info' });
  await ensurePrivateDirectory(options.stateDir);
  const profiles = await ProfileStore.open(profilesDirectory(options.stateDir), logger);
  const settings = await SettingsStore.open(settingsPath(options.stateDir), logger);
  if (options.logLevel === null) logger.setLevel(settings.get().logLevel as LogLevel);

  const runner = createExecFileRunner();
  const platform = createPlatform({ runner, stateDir: options.stateDir, clock, logger });
  // Before the connection's first firewall sync, so the block knows split tunnelling's mode from the start.
  const split = await startSplit({ runner, stateDir: options.stateDir, clock, logger, ...splitOptionsFromEnv(process.env) });
  const connection = new ConnectionManager({
    clock,
    random: systemRandom,
    logger,
    profiles,
    network: platform.network,
    openTunnel: (tunnelOptions, deps) => Tunnel.open(tunnelOptions, deps),
    firewall: platform.firewall,
    settings: () => settings.get(),
    latencyProbeTarget: () => settings.get().latencyProbeTarget,
    chooseRouting: async () => {
      const number = await platform.chooseFwmarkTable();
      return { fwmark: number, table: number };
    },
    defaultMtu: (address) => platform.defaultMtuFor(address),
    watchRoutes: routeWatcherFactory({ lookup: (target) => describeRouteTo(runner, target.address, target.fwmark), timers: intervalTimers, logger }),
    split,
    interfaceName: INTERFACE_NAME,
  });
  split.onFirewallChange(() => connection.syncFirewall());

  const wanted = new WantedConnectionFile(options.stateDir);
  await resumeAfterStart({ connection, wanted, settings: () => settings.get(), logger });

  const service = new DaemonService(connection, logger, wanted);
  const server: IpcServer = await startIpcServer({
    socketPath: options.socketPath,
    credentialsOf: peerCredentials,
    deps: { service, profiles, settings, logger, keys: { generatePrivateKey: () => generatePrivateKey(), publicKeyOf }, daemonVersion: packageVersion(), split: split.service },
  });
  logger.info('ferryd started', { pid: process.pid, stateDir: options.stateDir });

  return {
    logger,
    stop: async () => {
      await connection.disconnect();
      await split.close();
      await server.close();
      logger.info('ferryd stopped');
    },
  };
}
