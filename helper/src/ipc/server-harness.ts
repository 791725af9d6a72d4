// A real ferryd IPC server on a Unix socket in a temp directory, with fake service and credentials, for tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { LogEntry } from '../../../shared/src/protocol/log.js';
import { Logger } from '../log/logger.js';
import type { SplitService } from '../split/split-service.js';
import { ProfileStore } from '../store/profile-store.js';
import { SettingsStore } from '../store/settings-store.js';
import { FakeClock } from '../time/fake-clock.js';
import { generatePrivateKey, publicKeyOf } from '../wireguard/crypto.js';
import type { PeerCredentials } from './access.js';
import { FerryClient, type ClientOptions } from './client.js';
import { LineDecoder } from '../../../shared/src/protocol/framing.js';
import type { GroupDatabase } from './group-database.js';
import type { HandlerDeps } from './handler-types.js';
import { startIpcServer, type IpcServer, type IpcServerOptions } from './server.js';
import { FakeFerryService } from './service.fake.js';

export const ROOT: PeerCredentials = { pid: 100, uid: 0, gid: 0 };
export const MEMBER: PeerCredentials = { pid: 101, uid: 1000, gid: 1000 };
export const STRANGER: PeerCredentials = { pid: 102, uid: 1001, gid: 1001 };

/** uid 1000 ("alice") is listed in group ferry (gid 990); uid 1001 ("bob") is not. */
export const FAKE_GROUPS: GroupDatabase = {
  group: (name) => (name === 'ferry' ? { gid: 990, members: ['alice'] } : null),
  user: (uid) => (uid === 1000 ? { name: 'alice', gid: 1000 } : uid === 1001 ? { name: 'bob', gid: 1001 } : null),
};

export interface Harness {
  dir: string;
  socketPath: string;
  server: IpcServer;
  service: FakeFerryService;
  deps: HandlerDeps;
  logs: LogEntry[];
  clock: FakeClock;
  /** Credentials the next accepted connection gets. */
  nextCredentials: PeerCredentials;
  connect(credentials?: PeerCredentials, options?: ClientOptions): Promise<FerryClient>;
  /** Replaces the server (same socket, stores and service) with one built with these options. */
  restart(overrides: Partial<IpcServerOptions>): Promise<void>;
  close(): Promise<void>;
}

/** `split`: a split-tunnelling service for the handlers (none: every split method says SPLIT_UNAVAILABLE). */
export async function startHarness(overrides: Partial<IpcServerOptions> = {}, split?: SplitService): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-ipc-'));
  const clock = new FakeClock();
  const logs: LogEntry[] = [];
  const logger = new Logger({ clock, sink: (entry) => logs.push(entry), level: 'debug' });
  const service = new FakeFerryService();
  const deps: HandlerDeps = {
    service,
    logger,
    profiles: await ProfileStore.open(join(dir, 'state', 'profiles'), logger),
    settings: await SettingsStore.open(join(dir, 'state', 'settings.json'), logger),
    keys: { generatePrivateKey: () => generatePrivateKey(), publicKeyOf },
    daemonVersion: '0.1.0-test',
    ...(split ? { split } : {}),
  };
  const socketPath = join(dir, 'run', 'ferryd.sock');
  const harness: Harness = {
    dir, socketPath, service, deps, logs, clock,
    nextCredentials: ROOT,
    server: undefined as unknown as IpcServer,
    connect: async (credentials = ROOT, options = {}) => {
      harness.nextCredentials = credentials;
      return FerryClient.connect(socketPath, { clientName: 'test', ...options });
    },
    restart: async (changes) => {
      await harness.server.close();
      harness.server = await startIpcServer({ ...baseOptions, ...overrides, ...changes });
    },
    close: async () => {
      await harness.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  const baseOptions: IpcServerOptions = { socketPath, deps, groups: FAKE_GROUPS, credentialsOf: () => harness.nextCredentials };
  harness.server = await startIpcServer({ ...baseOptions, ...overrides });
  return harness;
}

/** A bare socket speaking raw lines, to send what a well-behaved client never would. */
export interface RawConnection {
  send(data: string | Buffer): void;
  /** The next message from the server, parsed. */
  next(): Promise<Record<string, unknown>>;
  /** Stops reading, so the server's writes back up. */
  pause(): void;
  close(): void;
}

export async function rawConnection(socketPath: string): Promise<RawConnection> {
  const socket = connect(socketPath);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const decoder = new LineDecoder(64 * 1024 * 1024);
  const queue: Record<string, unknown>[] = [];
  const waiters: ((message: Record<string, unknown>) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      if (frame.kind !== 'line') continue;
      const message = JSON.parse(frame.text) as Record<string, unknown>;
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else queue.push(message);
    }
  });
  return {
    send: (data) => {
      socket.write(data);
    },
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiters.push(resolve));
    },
    pause: () => socket.pause(),
    close: () => socket.destroy(),
  };
}
