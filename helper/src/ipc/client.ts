// A typed client of ferryd's protocol (used by the CLI and tests): connect, hello, call, subscribe.
import { connect as connectSocket, type Socket } from 'node:net';
import { ferryError, ferryErrorSchema } from '../../../shared/src/protocol/errors.js';
import { eventDataSchemas, type FerryEvent } from '../../../shared/src/protocol/events.js';
import {

  methods,
  type Access,
  type EventName,
  type MethodName,
  type MethodParams,
  type MethodResult,
} from '../../../shared/src/protocol/methods.js';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../../shared/src/protocol/version.js';
import { encodeLine, LineDecoder } from '../../../shared/src/protocol/framing.js';
import { FerryConnectionError, FerryProtocolError, FerryRemoteError } from './remote-error.js';

/** Methods whose params may be left out entirely. */
type ParamsArgs<M extends MethodName> = Record<string, never> extends MethodParams<M> ? [params?: MethodParams<M>] : [params: MethodParams<M>];

export interface ClientOptions {
  /** Reported in hello; shows up in ferryd's logs. */
  clientName?: string;
  connectTimeoutMs?: number;
  /** Replies can be larger than requests (logs.get): the client accepts up to this many bytes a line. */
  maxLineBytes?: number;
  /** Timeout of `call` (not of `callWithin`); none by default. */
  callTimeoutMs?: number;
}

interface Pending {
  method: MethodName;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

export type EventHandler = (event: FerryEvent) => void;

function openSocket(path: string, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(path);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new FerryConnectionError(`timed out connecting to ${path}`, 'ETIMEDOUT'));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new FerryConnectionError(`cannot connect to ${path}: ${error.message}`, error.code ?? 'EUNKNOWN'));
    });
  });
}

export class FerryClient {
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<EventHandler, ReadonlySet<EventName>>();
  private readonly decoder: LineDecoder;
  private nextId = 1;
  private closedWith: Error | null = null;
  private closeListeners: ((error: Error) => void)[] = [];
  access: Access = 'read';
  daemonVersion = '';

  private constructor(
    private readonly socket: Socket,
    maxLineBytes: number,
    private readonly callTimeoutMs: number | undefined,
  ) {
    this.decoder = new LineDecoder(maxLineBytes);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => this.fail(new FerryConnectionError(`connection to ferryd failed: ${error.message}`, error.code ?? 'EUNKNOWN')));
    socket.on('close', () => this.fail(new FerryConnectionError('ferryd closed the connection', 'ECONNRESET')));
  }

  /** Connects and says hello; rejects with FerryConnectionError, or FerryRemoteError (VERSION_MISMATCH). */
  static async connect(path: string, options: ClientOptions = {}): Promise<FerryClient> {
    const socket = await openSocket(path, options.connectTimeoutMs ?? 5000);
    const client = new FerryClient(socket, options.maxLineBytes ?? 64 * 1024 * 1024, options.callTimeoutMs);
    try {
      const greeting = await client.call('hello', { protocolVersion: PROTOCOL_VERSION, client: options.clientName ?? 'ferry-client' });
      client.access = greeting.access;
      client.daemonVersion = greeting.daemonVersion;
      return client;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  /** Calls a method; the result is checked against the method's schema. Rejects with FerryRemoteError for daemon errors. */
  call<M extends MethodName>(method: M, ...args: ParamsArgs<M>): Promise<MethodResult<M>> {
    return this.request(method, args[0], this.callTimeoutMs);
  }

  /** The same, rejecting with FerryConnectionError ('ETIMEDOUT') when no reply came within `timeoutMs`. */
  callWithin<M extends MethodName>(timeoutMs: number, method: M, ...args: ParamsArgs<M>): Promise<MethodResult<M>> {
    return this.request(method, args[0], timeoutMs);
  }

  private request<M extends MethodName>(method: M, params: MethodParams<M> | undefined, timeoutMs: number | undefined): Promise<MethodResult<M>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const line = encodeLine(params === undefined ? { id, method } : { id, method, params });
    // ferryd would refuse the line unread (and could not say which call it was): refuse it here instead.
    if (Buffer.byteLength(line) - 1 > MAX_MESSAGE_BYTES) return Promise.reject(new FerryRemoteError(ferryError('MESSAGE_TOO_LARGE')));
    return new Promise<MethodResult<M>>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.pending.delete(id);
              reject(new FerryConnectionError(`ferryd did not answer ${method} within ${timeoutMs} ms`, 'ETIMEDOUT'));
            }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.socket.write(line);
    });
  }

  /** Receives `events` through `handler` until the returned function is called. */
  async subscribe(events: readonly EventName[], handler: EventHandler): Promise<() => Promise<void>> {
    this.handlers.set(handler, new Set(events));
    await this.syncSubscriptions();
    return async () => {
      this.handlers.delete(handler);
      if (!this.closedWith) await this.syncSubscriptions();
    };
  }

  /** Calls `listener` once the connection is gone, with the reason; returns the function that cancels it. */
  onClose(listener: (error: Error) => void): () => void {
    if (this.closedWith) {
      listener(this.closedWith);
      return () => undefined;
    }
    this.closeListeners.push(listener);
    return () => {
      this.closeListeners = this.closeListeners.filter((other) => other !== listener);
    };
  }

  close(): void {
    this.fail(new FerryConnectionError('the client closed the connection', 'ECLOSED'));
    this.socket.destroy();
  }

  private async syncSubscriptions(): Promise<void> {
    const wanted = new Set<EventName>();
    for (const events of this.handlers.values()) for (const event of events) wanted.add(event);
    await this.call('subscribe', { events: [...wanted] });
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk)) {
      if (frame.kind === 'oversize') this.fail(new FerryProtocolError('ferryd sent a line larger than the client accepts'));
      else this.onLine(frame.text);
    }
  }

  private onLine(text: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return this.fail(new FerryProtocolError('ferryd sent a line that is not JSON'));
    }
    if (typeof message !== 'object' || message === null) return this.fail(new FerryProtocolError('ferryd sent a message that is not an object'));
    if ('event' in message) return this.onEvent(message.event, message.data);
    this.onResponse(message);
  }

  private onResponse(message: Record<string, unknown>): void {
    const entry = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!entry) {
      // An error with id null answers a message the daemon could not read: that is a client bug, so fail loudly.
      if ('error' in message && message.id === null) this.fail(new FerryProtocolError(`ferryd rejected a message: ${JSON.stringify(message.error)}`));
      return;
    }
    this.pending.delete(message.id as number);
    clearTimeout(entry.timer);
    if ('error' in message) {
      const error = ferryErrorSchema.safeParse(message.error);
      entry.reject(error.success ? new FerryRemoteError(error.data) : new FerryProtocolError('ferryd sent a malformed error'));
      return;
    }
    const result = methods[entry.method].result.safeParse(message.result);
    if (result.success) entry.resolve(result.data);
    else entry.reject(new FerryProtocolError(`ferryd sent a ${entry.method} result that does not match the protocol: ${result.error.issues[0]?.message ?? ''}`));
  }

  private onEvent(name: unknown, data: unknown): void {
    if (typeof name !== 'string' || !Object.hasOwn(eventDataSchemas, name)) return;
    const eventName = name as EventName;
    const parsed = eventDataSchemas[eventName].safeParse(data);
    if (!parsed.success) return;
    const event = { event: eventName, data: parsed.data } as FerryEvent;
    for (const [handler, events] of this.handlers) if (events.has(eventName)) handler(event);
  }

  private fail(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
    this.socket.destroy();
    for (const listener of this.closeListeners) listener(error);
    this.closeListeners = [];
  }
}

