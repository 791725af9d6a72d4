// One live connection to ferryd: socket, hello, requests with schema-checked params and results, events; no retry here.
import { connect, type Socket } from 'node:net';
import { fail, ferryErrorSchema, type FerryResult } from '../../shared/src/protocol/errors.js';
import { eventDataSchemas, type FerryEvent } from '../../shared/src/protocol/events.js';
import { methods, type Access, type MethodName } from '../../shared/src/protocol/methods.js';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../shared/src/protocol/version.js';
import type { UnavailableReason } from '../common/bridge-connection.js';
import { LineDecoder } from '../../shared/src/protocol/framing.js';

export interface SessionOptions {
  clientName: string;
  connectTimeoutMs?: number;
  /** Replies can be larger than requests (logs.get): accept this many bytes a line. */
  maxLineBytes?: number;
}

export type SessionFailure = { ok: false; reason: UnavailableReason; message: string };
export type SessionOpen = { ok: true; session: FerrydSession } | SessionFailure;

interface Pending {
  method: MethodName;
  resolve: (result: FerryResult<unknown>) => void;
  timer: NodeJS.Timeout;
}

function reasonOf(code: string | undefined): UnavailableReason {
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no-socket';
  if (code === 'EACCES' || code === 'EPERM') return 'permission-denied';
  return 'refused';
}

function openSocket(path: string, timeoutMs: number): Promise<{ ok: true; socket: Socket } | SessionFailure> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ ok: false, reason: 'refused', message: `ferryd did not accept the connection on ${path} in time` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ ok: true, socket });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: reasonOf(error.code), message: `cannot connect to ${path}: ${error.message}` });
    });
  });
}

/** Connects and says hello. Expected failures (no daemon, wrong version) are values. */
export async function openSession(path: string, options: SessionOptions): Promise<SessionOpen> {
  const opened = await openSocket(path, options.connectTimeoutMs ?? 5000);
  if (!opened.ok) return opened;
  const session = new FerrydSession(opened.socket, options.maxLineBytes ?? 64 * 1024 * 1024);
  const hello = await session.request('hello', { protocolVersion: PROTOCOL_VERSION, client: options.clientName }, 10_000);
  if (hello.ok) {
    const greeting = hello.value as { access: Access; daemonVersion: string };
    session.access = greeting.access;
    session.daemonVersion = greeting.daemonVersion;
    return { ok: true, session };
  }
  session.close();
  const reason: UnavailableReason = hello.error.code === 'VERSION_MISMATCH' ? 'version-mismatch' : 'protocol-error';
  return { ok: false, reason, message: hello.error.message };
}

export class FerrydSession {
  access: Access = 'read';
  daemonVersion = '';
  private readonly pending = new Map<number, Pending>();
  private readonly decoder: LineDecoder;
  private nextId = 1;
  private closedWith: string | null = null;
  private closeListener: ((message: string) => void) | null = null;
  private eventListener: ((event: FerryEvent) => void) | null = null;

  constructor(private readonly socket: Socket, maxLineBytes: number) {
    this.decoder = new LineDecoder(Math.max(maxLineBytes, MAX_MESSAGE_BYTES));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(`the connection to ferryd failed: ${error.message}`));
    socket.on('close', () => this.fail('ferryd closed the connection'));
  }

  /** Sends one request; resolves with the checked result or a FerryError, never rejects. */
  request(method: MethodName, params: unknown, timeoutMs: number): Promise<FerryResult<unknown>> {
    if (this.closedWith !== null) return Promise.resolve(fail('SYSTEM_ERROR', this.closedWith));
    const checked = methods[method].params.safeParse(params ?? {});
    if (!checked.success) return Promise.resolve(fail('INVALID_PARAMS', checked.error.issues[0]?.message ?? 'invalid parameters'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(fail('SYSTEM_ERROR', `ferryd did not answer ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve, timer });
      this.socket.write(`${JSON.stringify({ id, method, params: checked.data })}\n`);
    });
  }

  /** One listener: the bridge fans events out. */
  setEventListener(listener: (event: FerryEvent) => void): void {
    this.eventListener = listener;
  }

  /** Called once when the connection ends for any reason other than close(). */
  setCloseListener(listener: (message: string) => void): void {
    this.closeListener = listener;
  }

  close(): void {
    this.closeListener = null;
    this.fail('closed by the app');
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk)) {
      if (frame.kind === 'oversize') this.fail('ferryd sent a line larger than the app accepts');
      else this.onLine(frame.text);
    }
  }

  private onLine(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.fail('ferryd sent a line that is not JSON');
    }
    if (typeof message !== 'object' || message === null) return this.fail('ferryd sent a message that is not an object');
    const record = message as Record<string, unknown>;
    if ('event' in record) this.onEvent(record.event, record.data);
    else this.onResponse(record);
  }

  private onResponse(message: Record<string, unknown>): void {
    const id = typeof message.id === 'number' ? message.id : -1;
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    if ('error' in message) {
      const error = ferryErrorSchema.safeParse(message.error);
      entry.resolve(error.success ? { ok: false, error: error.data } : fail('INTERNAL', 'ferryd sent a malformed error'));
      return;
    }
    const result = methods[entry.method].result.safeParse(message.result);
    entry.resolve(result.success
      ? { ok: true, value: result.data }
      : fail('INTERNAL', `ferryd sent a ${entry.method} result that does not match the protocol: ${result.error.issues[0]?.message ?? ''}`));
  }

  private onEvent(name: unknown, data: unknown): void {
    if (typeof name !== 'string' || !Object.hasOwn(eventDataSchemas, name)) return;
    const eventName = name as keyof typeof eventDataSchemas;
    const parsed = eventDataSchemas[eventName].safeParse(data);
    if (parsed.success) this.eventListener?.({ event: eventName, data: parsed.data } as FerryEvent);
  }

  private fail(message: string): void {
    if (this.closedWith !== null) return;
    this.closedWith = message;
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.resolve(fail('SYSTEM_ERROR', message));
    }
    this.pending.clear();
    this.socket.destroy();
    this.closeListener?.(message);
  }
}
