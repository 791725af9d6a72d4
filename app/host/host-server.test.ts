// Tests of the browser host: static files stay inside the web root; the WebSocket needs the token and the host's own Origin,
// and forwards only methods of the shared table.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDesktopHandlers } from '../main/desktop-handlers.js';
import { FerrydBridge } from '../main/ferryd-bridge.js';
import { UiRouter } from '../main/ui-router.js';
import { FakeFerryd } from '../main/ferryd.fake.js';
import { startHostServer, type HostServer } from './host-server.js';

let dir: string;
let fake: FakeFerryd;
let bridge: FerrydBridge;
let host: HostServer;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-host-'));
  mkdirSync(join(dir, 'web'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Ferry</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  fake = new FakeFerryd(join(dir, 'ferryd.sock'));
  await fake.listen();
  bridge = new FerrydBridge({ socketPath: fake.socketPath, clientName: 'test', allowNonRootSocket: true });
  bridge.start();
  host = await startHostServer(new UiRouter(bridge, createDesktopHandlers({ bridge, env: {}, platform: 'linux', launchCommand: { executable: '/bin/true', args: [] } })), join(dir, 'web'), 0);
});

afterEach(async () => {
  await host.close();
  bridge.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function token(): string {
  return new URL(host.url).hash.replace('#token=', '');
}

/** Opens a page socket; resolves with the socket once open, or with the HTTP status of a refused upgrade. */
function openPage(query: string, origin: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/ferry${query}`, { origin });
    socket.on('open', () => resolve(socket));
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', () => undefined);
  });
}

/** The next message of a kind, as parsed JSON. */
function nextMessage(socket: WebSocket, kind: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (message.kind !== kind) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

describe('browser host', () => {
  it('prints a 127.0.0.1 URL with the token in the fragment and serves the renderer with a CSP', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${host.origin}/..%2fsecret.txt`);
    expect(await escape.text()).not.toContain('outside the web root');
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    expect(await openPage('', host.origin)).toBe(403);
    expect(await openPage('?token=wrong', host.origin)).toBe(403);
    expect(await openPage(`?token=${token()}`, 'http://evil.example')).toBe(403);
  });

  it('bridges calls to ferryd and refuses methods outside the app table', async () => {
    const page = await openPage(`?token=${token()}`, host.origin);
    if (typeof page === 'number') throw new Error(`refused: ${page}`);
    const ready = nextMessage(page, 'connection');
    await expect(ready).resolves.toMatchObject({ connection: { status: expect.stringMatching(/connecting|ready/) } });
    if (bridge.connection().status !== 'ready') await new Promise<void>((resolve) => bridge.onConnection((c) => c.status === 'ready' && resolve()));
    page.send(JSON.stringify({ id: 1, method: 'status' }));
    expect(await nextMessage(page, 'result')).toMatchObject({ id: 1, result: { state: 'disconnected' } });
    page.send(JSON.stringify({ id: 2, method: 'subscribe', params: { events: [] } }));
    expect(await nextMessage(page, 'error')).toMatchObject({ id: 2, error: { code: 'UNKNOWN_METHOD' } });
    const event = nextMessage(page, 'event');
    fake.push('log', { at: '2026-01-01T00:00:00.000Z', level: 'info', message: 'hi', fields: {} });
    expect(await event).toMatchObject({ event: 'log', data: { message: 'hi' } });
    page.close();
  });
});
