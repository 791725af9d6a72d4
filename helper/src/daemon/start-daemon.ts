// The composition root of ferryd: builds the stores, platform, connection manager and IPC server from options.
import { readFileSync } from 'node:fs';
import type { LogLevel } from '../../../shared/src/protocol/log.js';
import { ConnectionManager } from '../connection/connection-manager.js';
import { Tunnel } from '../connection/tunnel.js';
import { startIpcServer, type IpcServer } from '../ipc/server.js';
import { createStreamSink } from '../log/log-sink.js';
import { Logger } from '../log/logger.js';
import { peerCredentials } from '../native/peer-credentials.js';
import { createExecFileRunner } from '../platform/command-runner.js';
import { createPlatform } from '../platform/platform.js';
import { ProfileStore } from '../store/profile-store.js';
import { SettingsStore } from '../store/settings-store.js';
import { ensurePrivateDirectory, profilesDirectory, settingsPath } from '../store/state-dir.js';
import { systemClock } from '../time/clock.js';
import { generatePrivateKey, publicKeyOf } from '../wireguard/crypto.js';
import { systemRandom } from '../wireguard/random.js';
import type { DaemonOptions } from './daemon-options.js';
import { DaemonService } from './daemon-service.js';

/** The name of Ferry's TUN device. */
export const INTERFACE_NAME = 'ferry0';

export interface RunningDaemon {
  readonly logger: Logger;
  /** Orderly shutdown: disconnect (restoring the network), stop serving. */
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

export async function startDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const clock = systemClock;
  const logger = new Logger({ clock, sink: createStreamSink(), level: options.logLevel ?? 'info' });
  await ensurePrivateDirectory(options.stateDir);
  const profiles = await ProfileStore.open(profilesDirectory(options.stateDir), logger);
  const settings = await SettingsStore.open(settingsPath(options.stateDir), logger);
  if (options.logLevel === null) logger.setLevel(settings.get().logLevel as LogLevel);

  const platform = createPlatform({ runner: createExecFileRunner(), stateDir: options.stateDir, clock, logger });
  const connection = new ConnectionManager({
    clock,
    random: systemRandom,
    logger,
    profiles,
    network: platform.network,
    openTunnel: (tunnelOptions, deps) => Tunnel.open(tunnelOptions, deps),
    chooseRouting: async () => {
      const number = await platform.chooseFwmarkTable();
      return { fwmark: number, table: number };
    },
    defaultMtu: (address) => platform.defaultMtuFor(address),
    interfaceName: INTERFACE_NAME,
  });

  const recovered = await connection.recover();
  if (!recovered.ok) logger.error('could not undo what an earlier ferryd left behind', { error: recovered.error.message });

  const service = new DaemonService(connection, logger);
  const server: IpcServer = await startIpcServer({
    socketPath: options.socketPath,
    credentialsOf: peerCredentials,
    deps: { service, profiles, settings, logger, keys: { generatePrivateKey: () => generatePrivateKey(), publicKeyOf }, daemonVersion: packageVersion() },
  });
  logger.info('ferryd started', { pid: process.pid, stateDir: options.stateDir });

  return {
    logger,
    stop: async () => {
      await connection.disconnect();
      await server.close();
      logger.info('ferryd stopped');
    },
  };
}
