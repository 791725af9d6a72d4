// Tests of the bridge to ferryd against a fake daemon on a real Unix socket: hello, checks, events, loss and recovery.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isServiceUnavailableError, type BridgeConnection } from '../common/bridge-connection.js';
import { backoffDelayMs } from './backoff.js';
import { FerrydBridge, type FerrydBridgeOptions } from './ferryd-bridge.js';
import { FakeFerryd } from './ferryd.fake.js';

let dir: string;
let fake: FakeFerryd;
let bridge: FerrydBridge | undefined;

function startBridge(extra: Partial<FerrydBridgeOptions> = {}): FerrydBridge {
  bridge = new FerrydBridge({
    socketPath: fake.socketPath, clientName: 'test', allowNonRootSocket: true,
    backoff: { firstDelayMs: 5, maxDelayMs: 20 }, ...extra,
  });
  bridge.start();
  return bridge;
}

/** Resolves with the first connection state matching `status` (the listener sees the current state at once). */
function nextState(target: FerrydBridge, status: BridgeConnection['status']): Promise<BridgeConnection> {
  return new Promise((resolve) => {
    const stop = target.onConnection((connection) => {
      if (connection.status !== status) return;
      queueMicrotask(() => stop());
      resolve(connection);
    });
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-bridge-'));
  fake = new FakeFerryd(join(dir, 'ferryd.sock'));
  await fake.listen();
});

afterEach(async () => {
  bridge?.stop();
  bridge = undefined;
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('FerrydBridge', () => {
  it('says hello, subscribes to every event and reports ready with the access level', async () => {
    const ready = await nextState(startBridge(), 'ready');
    expect(ready).toEqual({ status: 'ready', access: 'write', daemonVersion: 'fake-1' });
    expect(fake.calls.map((call) => call.method)).toEqual(['hello', 'subscribe']);
    expect(fake.calls[1]?.params).toEqual({ events: ['state', 'stats', 'log', 'profiles', 'settings', 'split'] });
  });

  it('returns checked results and turns daemon errors into values', async () => {
    const target = startBridge();
    await nextState(target, 'ready');
    const status = await target.call('status');
    expect(status.ok && status.value.state).toBe('disconnected');
    const missing = await target.call('profile.show', { name: 'nope' });
    expect(missing).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'no such method' } });
  });

  it('refuses results that do not match the schema, bad params, and methods the UI may not call', async () => {
    fake.handlers.set('settings.get', () => ({ result: { theme: 'purple' } }));
    const target = startBridge();
    await nextState(target, 'ready');
    const bad = await target.call('settings.get');
    expect(!bad.ok && bad.error.code).toBe('INTERNAL');
    const badParams = await target.callByName('stats.history', { seconds: -1 });
    expect(!badParams.ok && badParams.error.code).toBe('INVALID_PARAMS');
    const hello = await target.callByName('hello', {});
    expect(!hello.ok && hello.error.code).toBe('UNKNOWN_METHOD');
    expect(fake.calls.some((call) => call.method === 'settings.set' || call.method === 'stats.history')).toBe(false);
  });

  it('forwards valid events and drops invalid ones', async () => {
    const target = startBridge();
    await nextState(target, 'ready');
    const received: string[] = [];
    const got = new Promise<void>((resolve) => target.onEvent((event) => {
      received.push(`${event.event}:${JSON.stringify(event.data).length > 0}`);
      resolve();
    }));
    fake.push('settings', { theme: 'purple' });
    fake.push('log', { at: '2026-01-01T00:00:00.000Z', level: 'info', message: 'hi', fields: {} });
    await got;
    expect(received).toEqual(['log:true']);
  });

  it('reports the service unavailable when ferryd goes away and recovers when it returns', async () => {
    const target = startBridge();
    await nextState(target, 'ready');
    const unavailable = nextState(target, 'service-unavailable');
    await fake.close();
    const state = await unavailable;
    expect(state.status === 'service-unavailable' && state.reason).toBe('no-socket');
    const call = await target.call('status');
    expect(!call.ok && call.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(!call.ok && isServiceUnavailableError(call.error)).toBe(true);
    const ready = nextState(target, 'ready');
    await fake.listen();
    expect((await ready).status).toBe('ready');
  });

  it('refuses a socket that root does not own unless the test override is set', async () => {
    const statSocket = async () => ({ uid: 1000, isSocket: () => true });
    const refused = await nextState(startBridge({ allowNonRootSocket: false, statSocket }), 'service-unavailable');
    expect(refused).toMatchObject({ reason: 'not-root-owned', message: expect.stringContaining('uid 1000') });
    bridge?.stop();
    expect((await nextState(startBridge({ allowNonRootSocket: true, statSocket }), 'ready')).status).toBe('ready');
  });

  it('reports a protocol version mismatch', async () => {
    await fake.close();
    fake = new FakeFerryd(fake.socketPath, 999);
    await fake.listen();
    const state = await nextState(startBridge(), 'service-unavailable');
    expect(state).toMatchObject({ reason: 'version-mismatch' });
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the first delay up to the cap', () => {
    const options = { firstDelayMs: 250, maxDelayMs: 2000 };
    expect([0, 1, 2, 3, 4, 10].map((attempt) => backoffDelayMs(attempt, options))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });
});
