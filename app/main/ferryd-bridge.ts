// The app's single link to ferryd (Electron main and the browser host both use it): retry with backoff, root-owned
// socket only, hello + subscribe to every event, schema-checked calls, and a connection-state stream for the UI.
import { fail, type FerryResult } from '../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../shared/src/protocol/events.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, EVENT_NAMES } from '../../shared/src/protocol/methods.js';
import { isAppMethodName, type AppMethodName, type AppParamsArgs, type MethodResult } from '../common/app-methods.js';
import { CONNECTING, serviceUnavailableError, type BridgeConnection, type UnavailableReason } from '../common/bridge-connection.js';
import type { DaemonApi, Unsubscribe } from '../common/ferry-api.js';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { openSession, type FerrydSession, type SessionOpen, type SessionOptions } from './ferryd-session.js';
import { checkSocketOwner, type StatSocket } from './socket-owner.js';

const CALL_TIMEOUT_MS = 15_000;

export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FerrydBridgeOptions {
  socketPath: string;
  /** Shown in ferryd's log (hello's `client`). */
  clientName: string;
  /** Tests only: accept a socket that root does not own. */
  allowNonRootSocket?: boolean;
  backoff?: BackoffOptions;
  timers?: Timers;
  statSocket?: StatSocket;
  openSession?: (path: string, options: SessionOptions) => Promise<SessionOpen>;
}

const realTimers: Timers = {
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How long a call may take: connect with wait=true waits for the handshake itself. */
function timeoutFor(method: AppMethodName, params: unknown): number {
  if (method !== 'connect') return CALL_TIMEOUT_MS;
  const { wait, timeoutMs } = (params ?? {}) as { wait?: boolean; timeoutMs?: number };
  return wait === true ? (timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS) + CALL_TIMEOUT_MS : CALL_TIMEOUT_MS;
}

export class FerrydBridge implements DaemonApi {
  private state: BridgeConnection = CONNECTING;
  private session: FerrydSession | null = null;
  private readonly eventListeners = new Set<(event: FerryEvent) => void>();
  private readonly connectionListeners = new Set<(connection: BridgeConnection) => void>();
  private retryTimer: unknown = null;
  private failedAttempts = 0;
  private running = false;
  private readonly timers: Timers;

  constructor(private readonly options: FerrydBridgeOptions) {
    this.timers = options.timers ?? realTimers;
  }

  /** Starts connecting; keeps retrying until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.attempt();
  }

  stop(): void {
    this.running = false;
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.session?.close();
    this.session = null;
  }

  connection(): BridgeConnection {
    return this.state;
  }

  call<M extends AppMethodName>(method: M, ...params: AppParamsArgs<M>): Promise<FerryResult<MethodResult<M>>> {
    return this.callByName(method, params[0]) as Promise<FerryResult<MethodResult<M>>>;
  }

  /** For untyped callers (IPC, WebSocket): only methods of the shared table that the UI may call are forwarded. */
  async callByName(method: unknown, params: unknown): Promise<FerryResult<unknown>> {
    if (!isAppMethodName(method)) return fail('UNKNOWN_METHOD', `the app may not call ${JSON.stringify(method)}`);
    const session = this.session;
    if (session === null || this.state.status !== 'ready') {
      const message = this.state.status === 'service-unavailable' ? this.state.message : 'still connecting to ferryd';
      return { ok: false, error: serviceUnavailableError(message) };
    }
    return session.request(method, params, timeoutFor(method, params));
  }

  onEvent(listener: (event: FerryEvent) => void): Unsubscribe {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onConnection(listener: (connection: BridgeConnection) => void): Unsubscribe {
    this.connectionListeners.add(listener);
    listener(this.state);
    return () => this.connectionListeners.delete(listener);
  }

  private async attempt(): Promise<void> {
    this.retryTimer = null;
    const { socketPath } = this.options;
    const owner = await checkSocketOwner(socketPath, this.options.allowNonRootSocket === true, this.options.statSocket);
    if (!this.running) return;
    if (!owner.ok) return this.retryLater(owner);
    const opened = await (this.options.openSession ?? openSession)(socketPath, { clientName: this.options.clientName });
    if (!this.running) {
      if (opened.ok) opened.session.close();
      return;
    }
    if (!opened.ok) return this.retryLater(opened);
    const session = opened.session;
    session.setEventListener((event) => this.emitEvent(event));
    session.setCloseListener(() => this.onSessionClosed(session));
    const subscribed = await session.request('subscribe', { events: [...EVENT_NAMES] }, CALL_TIMEOUT_MS);
    if (!this.running) return session.close();
    if (!subscribed.ok) {
      session.close();
      return this.retryLater({ reason: 'protocol-error', message: `ferryd refused the event subscription: ${subscribed.error.message}` });
    }
    this.session = session;
    this.failedAttempts = 0;
    this.setState({ status: 'ready', access: session.access, daemonVersion: session.daemonVersion });
  }

  private retryLater(failure: { reason: UnavailableReason; message: string }): void {
    this.setState({ status: 'service-unavailable', reason: failure.reason, message: failure.message });
    const delayMs = backoffDelayMs(this.failedAttempts++, this.options.backoff ?? DEFAULT_BACKOFF);
    this.retryTimer = this.timers.setTimeout(() => void this.attempt(), delayMs);
  }

  private onSessionClosed(session: FerrydSession): void {
    if (this.session !== session) return;
    this.session = null;
    if (!this.running) return;
    this.setState(CONNECTING);
    void this.attempt();
  }

  private emitEvent(event: FerryEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  private setState(next: BridgeConnection): void {
    if (JSON.stringify(next) === JSON.stringify(this.state)) return;
    this.state = next;
    for (const listener of this.connectionListeners) listener(next);
  }
}
