// A tiny stand-in for ferryd on a Unix socket (tests only): answers hello, subscribe and scripted methods, pushes events.
import { createServer, type Server, type Socket } from 'node:net';
import { disconnectedStatus } from '../../shared/src/protocol/state.js';
import { PROTOCOL_VERSION } from '../../shared/src/protocol/version.js';

export type FakeHandler = (params: unknown) => { result: unknown } | { error: { code: string; message: string } };

export class FakeFerryd {
  readonly handlers = new Map<string, FakeHandler>();
  readonly calls: { method: string; params: unknown }[] = [];
  private server: Server | null = null;
  private readonly clients = new Set<Socket>();

  constructor(readonly socketPath: string, readonly protocolVersion = PROTOCOL_VERSION) {
    this.handlers.set('status', () => ({ result: disconnectedStatus('2026-01-01T00:00:00.000Z') }));
    this.handlers.set('subscribe', () => ({ result: { ok: true } }));
  }

  listen(): Promise<void> {
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    return new Promise((resolve) => server.listen(this.socketPath, resolve));
  }

  /** Pushes an event to every client (raw: the bridge must check it). */
  push(event: string, data: unknown): void {
    for (const socket of this.clients) socket.write(`${JSON.stringify({ event, data })}\n`);
  }

  /** Stops listening and drops every client, like ferryd going away. */
  close(): Promise<void> {
    for (const socket of this.clients) socket.destroy();
    this.clients.clear();
    const server = this.server;
    this.server = null;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private accept(socket: Socket): void {
    this.clients.add(socket);
    socket.on('close', () => this.clients.delete(socket));
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        this.answer(socket, buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
      }
    });
  }

  private answer(socket: Socket, line: string): void {
    const request = JSON.parse(line) as { id: number; method: string; params?: unknown };
    this.calls.push({ method: request.method, params: request.params });
    if (request.method === 'hello') {
      const { protocolVersion } = request.params as { protocolVersion: number };
      const reply = protocolVersion === this.protocolVersion
        ? { result: { protocolVersion, access: 'write', daemonVersion: 'fake-1' } }
        : { error: { code: 'VERSION_MISMATCH', message: `ferryd speaks protocol ${this.protocolVersion}` } };
      socket.write(`${JSON.stringify({ id: request.id, ...reply })}\n`);
      return;
    }
    const handler = this.handlers.get(request.method);
    const reply = handler ? handler(request.params) : { error: { code: 'UNKNOWN_METHOD', message: 'no such method' } };
    socket.write(`${JSON.stringify({ id: request.id, ...reply })}\n`);
  }
}
