// ferryd's local API server: a Unix socket, one Session per client, the handler table and the event hub.
import { createServer, type Server, type Socket } from 'node:net';
import { unlink } from 'node:fs/promises';
import type { Logger } from '../log/logger.js';
import { accessFor, type CredentialsOf, type PeerCredentials } from './access.js';
import { EventHub } from './event-hub.js';
import { connectEventSources } from './event-sources.js';
import { fileGroupDatabase, type GroupDatabase } from './group-database.js';
import { createHandlerTable } from './handler-table.js';
import type { HandlerDeps, HandlerTable } from './handler-types.js';
import { DEFAULT_SESSION_LIMITS, Session, type SessionLimits } from './session.js';
import { prepareSocketPath, secureSocket } from './socket-path.js';

export interface IpcServerOptions {
  socketPath: string;
  deps: HandlerDeps;
  /** SO_PEERCRED of a connection: helper/src/native/peer-credentials.ts in ferryd, a fake in tests. */
  credentialsOf: CredentialsOf;
  groups?: GroupDatabase;
  limits?: Partial<SessionLimits>;
  /** Most clients connected at once. */
  maxConnections?: number;
}

export interface IpcServer {
  readonly socketPath: string;
  readonly hub: EventHub;
  connectionCount(): number;
  /** Stops listening, drops every client and removes the socket file. */
  close(): Promise<void>;
}

function readCredentials(socket: Socket, credentialsOf: CredentialsOf, logger: Logger): PeerCredentials | null {
  try {
    return credentialsOf(socket);
  } catch (error) {
    logger.warn('cannot read peer credentials; granting read access only', { error });
    return null;
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

interface ServerState {
  options: IpcServerOptions;
  groups: GroupDatabase;
  limits: SessionLimits;
  table: HandlerTable;
  hub: EventHub;
  sockets: Set<Socket>;
  nextId: number;
}

/** Identifies the peer once, at accept: its access cannot change during the connection. */
function acceptConnection(socket: Socket, state: ServerState): void {
  const { logger } = state.options.deps;
  const credentials = readCredentials(socket, state.options.credentialsOf, logger);
  const access = accessFor(credentials, state.groups);
  const id = state.nextId++;
  const session = new Session(socket, { id, table: state.table, logger, access, credentials, limits: state.limits });
  const removeSink = state.hub.add(session);
  state.sockets.add(socket);
  logger.debug('client connected', { connection: id, uid: credentials?.uid, pid: credentials?.pid, access });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    session.markClosed();
    removeSink();
    state.sockets.delete(socket);
    logger.debug('client disconnected', { connection: id, droppedEvents: session.droppedEvents });
  });
}

export async function startIpcServer(options: IpcServerOptions): Promise<IpcServer> {
  const { deps, socketPath } = options;
  const state: ServerState = {
    options,
    groups: options.groups ?? fileGroupDatabase(),
    limits: { ...DEFAULT_SESSION_LIMITS, ...options.limits },
    table: createHandlerTable(deps),
    hub: new EventHub(),
    sockets: new Set(),
    nextId: 1,
  };
  const server = createServer((socket) => acceptConnection(socket, state));
  server.maxConnections = options.maxConnections ?? 128;

  await prepareSocketPath(socketPath);
  await listen(server, socketPath);
  await secureSocket(socketPath);
  const stopSources = connectEventSources(state.hub, deps);
  deps.logger.info('listening', { socket: socketPath });

  return {
    socketPath,
    hub: state.hub,
    connectionCount: () => state.sockets.size,
    close: async () => {
      stopSources();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of state.sockets) socket.destroy();
      await closed;
      await unlink(socketPath).catch(() => undefined);
    },
  };
}
