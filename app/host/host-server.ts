// The browser host's HTTP server on 127.0.0.1: static renderer, and a WebSocket to ferryd gated by a per-run token and Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { HOST_SOCKET_PATH, MAX_HOST_FRAME_BYTES } from '../common/host-wire.js';
import type { UiRouter } from '../main/ui-router.js';
import { servePage } from './page-socket.js';
import { serveStatic } from './static-files.js';

export interface HostServer {
  /** What to open in a browser: the origin plus the token in the fragment (never sent to the server in requests). */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses an upgrade unless path, Host, Origin and token all match this run. */
function upgradeAllowed(request: IncomingMessage, origin: string, token: string): boolean {
  const url = new URL(request.url ?? '/', origin);
  return url.pathname === HOST_SOCKET_PATH
    && request.headers.host === new URL(origin).host
    && request.headers.origin === origin
    && sameSecret(url.searchParams.get('token') ?? '', token);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startHostServer(bridge: UiRouter, webRoot: string, port: number): Promise<HostServer> {
  const token = randomBytes(32).toString('base64url');
  const pages = new WebSocketServer({ noServer: true, maxPayload: MAX_HOST_FRAME_BYTES });
  let origin = '';
  const server = createServer((request, response) => {
    // A page from another name for this address (DNS rebinding) gets nothing.
    if (request.headers.host !== new URL(origin).host) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('wrong host');
      return;
    }
    void serveStatic(webRoot, origin, request, response);
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!upgradeAllowed(request, origin, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    pages.handleUpgrade(request, socket, head, (page) => servePage(page, bridge));
  });
  origin = `http://127.0.0.1:${await listen(server, port)}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    close: () => new Promise((resolve) => {
      for (const page of pages.clients) page.terminate();
      pages.close();
      server.close(() => resolve());
    }),
  };
}
