// End-to-end tests of the IPC server over a real Unix socket: greeting, access, bad input, events, backpressure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import { disconnectedStatus } from '../../../shared/src/protocol/state.js';
import { emptyStatsSample } from '../../../shared/src/protocol/stats.js';
import { methods } from '../../../shared/src/protocol/methods.js';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../../shared/src/protocol/version.js';
import type { FerryEvent } from '../../../shared/src/protocol/events.js';
import { FerryProtocolError, FerryRemoteError } from './remote-error.js';
import { MEMBER, rawConnection, ROOT, startHarness, STRANGER, type Harness } from './server-harness.js';
import { FAKE_TIME } from './service.fake.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

const hello = (id = 1, protocolVersion = PROTOCOL_VERSION) => `${JSON.stringify({ id, method: 'hello', params: { protocolVersion, client: 'raw' } })}\n`;

describe('greeting', () => {
  it('refuses every method before hello, then serves', async () => {
    const raw = await rawConnection(harness.socketPath);
    raw.send('{"id":1,"method":"status"}\n');
    expect(await raw.next()).toMatchObject({ id: 1, error: { code: 'HELLO_REQUIRED' } });
    raw.send(`${hello(2)}{"id":3,"method":"status"}\n`);
    expect(await raw.next()).toEqual({ id: 2, result: { protocolVersion: PROTOCOL_VERSION, access: 'write', daemonVersion: '0.1.0-test' } });
    const status = await raw.next();
    expect(status.id).toBe(3);
    expect(methods.status.result.parse(status.result)).toEqual(disconnectedStatus(FAKE_TIME));
    raw.close();
  });

  it('refuses another protocol version and stays ungreeted', async () => {
    const raw = await rawConnection(harness.socketPath);
    raw.send(hello(1, PROTOCOL_VERSION + 1));
    expect(await raw.next()).toMatchObject({ id: 1, error: { code: 'VERSION_MISMATCH', details: { protocolVersion: PROTOCOL_VERSION } } });
    raw.send('{"id":2,"method":"status"}\n');
    expect(await raw.next()).toMatchObject({ id: 2, error: { code: 'HELLO_REQUIRED' } });
    raw.close();
  });
});

describe('access', () => {
  it('lets a stranger read but not write', async () => {
    const client = await harness.connect(STRANGER);
    expect(client.access).toBe('read');
    expect((await client.call('status')).state).toBe('disconnected');
    expect(await client.call('profile.list')).toEqual({ profiles: [] });
    await expect(client.call('connect', { name: 'home' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(client.call('settings.set', { key: 'lockdown', value: true })).rejects.toBeInstanceOf(FerryRemoteError);
    await expect(client.call('profile.create', { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(harness.service.connectCalls).toEqual([]);
    client.close();
  });

  it('lets root and ferry group members write', async () => {
    for (const credentials of [ROOT, MEMBER]) {
      const client = await harness.connect(credentials);
      expect(client.access).toBe('write');
      expect((await client.call('settings.set', { key: 'theme', value: 'dark' })).theme).toBe('dark');
      client.close();
    }
  });

  it('grants read only when the credentials cannot be read', async () => {
    await harness.restart({
      credentialsOf: () => {
        throw new Error('no SO_PEERCRED');
      },
    });
    const client = await harness.connect(ROOT);
    expect(client.access).toBe('read');
    client.close();
  });
});

describe('bad input', () => {
  it.each<[string, string | Buffer, Record<string, unknown>]>([
    ['random bytes', Buffer.concat([randomBytes(512).map((b) => (b === 10 ? 32 : b)), Buffer.from('\n')]), { id: null, error: { code: 'INVALID_JSON' } }],
    ['truncated JSON', '{"id":7,"method":\n', { id: null, error: { code: 'INVALID_JSON' } }],
    ['a JSON array', '[1,2]\n', { id: null, error: { code: 'BAD_REQUEST' } }],
    ['an envelope with an extra key', '{"id":8,"method":"status","x":1}\n', { id: 8, error: { code: 'BAD_REQUEST' } }],
    ['an unknown method', '{"id":9,"method":"reboot"}\n', { id: 9, error: { code: 'UNKNOWN_METHOD' } }],
    ['an inherited name', '{"id":10,"method":"constructor"}\n', { id: 10, error: { code: 'UNKNOWN_METHOD' } }],
    ['params of the wrong type', '{"id":11,"method":"connect","params":{"name":5}}\n', { id: 11, error: { code: 'INVALID_PARAMS' } }],
    ['params with an unknown key', '{"id":12,"method":"status","params":{"all":true}}\n', { id: 12, error: { code: 'INVALID_PARAMS' } }],
    ['a path as a profile name', '{"id":13,"method":"profile.show","params":{"name":"../../etc/shadow"}}\n', { id: 13, error: { code: 'INVALID_PARAMS' } }],
    ['a line over 1 MiB', `${'x'.repeat(MAX_MESSAGE_BYTES + 1)}\n`, { id: null, error: { code: 'MESSAGE_TOO_LARGE' } }],
  ])('answers %s with an error and keeps serving', async (_label, data, expected) => {
    const raw = await rawConnection(harness.socketPath);
    raw.send(hello(1));
    await raw.next();
    raw.send(data);
    expect(await raw.next()).toMatchObject(expected);
    raw.send('{"id":99,"method":"status"}\n');
    expect(await raw.next()).toMatchObject({ id: 99, result: { state: 'disconnected' } });
    raw.close();
  });

  it('answers requests past the in-flight cap with their own id', async () => {
    await harness.restart({ limits: { maxInFlight: 1 } });
    let release: () => void = () => undefined;
    harness.service.disconnect = () => new Promise((resolve) => (release = () => resolve({ ok: true, value: harness.service.current })));
    const raw = await rawConnection(harness.socketPath);
    raw.send(hello(1));
    await raw.next();
    raw.send('{"id":2,"method":"disconnect"}\n{"id":3,"method":"disconnect"}\n');
    expect(await raw.next()).toMatchObject({ id: 3, error: { code: 'BAD_REQUEST' } });
    release();
    expect(await raw.next()).toMatchObject({ id: 2, result: { state: 'disconnected' } });
    raw.close();
  });

  it('has the client refuse to send a line ferryd would refuse', async () => {
    const client = await harness.connect();
    const text = '\u0001'.repeat(200 * 1024);
    await expect(client.call('profile.import', { name: 'huge', text })).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE' });
    expect((await client.call('status')).state).toBe('disconnected');
    client.close();
  });

  it('answers a bug in a handler with INTERNAL and logs it', async () => {
    harness.service.statsNow = () => {
      throw new Error('boom');
    };
    const client = await harness.connect();
    await expect(client.call('stats.get')).rejects.toMatchObject({ code: 'INTERNAL', message: 'internal error in ferryd' });
    expect(harness.logs.some((e) => e.message === 'handler failed' && e.fields.error === 'boom')).toBe(true);
    expect((await client.call('status')).state).toBe('disconnected');
    client.close();
  });

  it('makes the client reject a result that breaks the schema', async () => {
    harness.service.current = { ...disconnectedStatus(FAKE_TIME), state: 'sleeping' as 'error' };
    const client = await harness.connect();
    await expect(client.call('status')).rejects.toBeInstanceOf(FerryProtocolError);
    client.close();
  });
});

describe('events', () => {
  it('delivers subscribed events only, validated by the client', async () => {
    const client = await harness.connect(STRANGER);
    const seen: FerryEvent[] = [];
    const gotStats = new Promise<void>((resolve) => {
      void client.subscribe(['state', 'stats'], (event) => {
        seen.push(event);
        if (event.event === 'stats') resolve();
      });
    });
    await client.call('status');
    harness.deps.logger.info('not subscribed');
    harness.service.setStatus({ ...disconnectedStatus(FAKE_TIME), state: 'connecting', profile: 'home' });
    harness.service.emitStats({ ...emptyStatsSample(FAKE_TIME), rxBytes: 42 });
    await gotStats;
    expect(seen.map((e) => e.event)).toEqual(['state', 'stats']);
    expect(seen[0]).toMatchObject({ data: { state: 'connecting', profile: 'home' } });
    expect(seen[1]).toMatchObject({ data: { rxBytes: 42 } });
    client.close();
  });

  it('announces settings and profile changes, and tells the service about settings', async () => {
    const watcher = await harness.connect(STRANGER);
    const events: FerryEvent[] = [];
    const both = new Promise<void>((resolve) => {
      void watcher.subscribe(['settings', 'profiles'], (event) => {
        events.push(event);
        if (events.length === 2) resolve();
      });
    });
    await watcher.call('status');
    const writer = await harness.connect(ROOT);
    await writer.call('settings.set', { key: 'lockdown', value: true });
    await writer.call('profile.create', { name: 'home' });
    await both;
    expect(events[0]).toMatchObject({ event: 'settings', data: { lockdown: true } });
    expect(events[1]).toMatchObject({ event: 'profiles', data: { profiles: [{ name: 'home' }] } });
    expect(harness.service.settingsChanges.map((c) => [c.previous.lockdown, c.settings.lockdown])).toEqual([[false, true]]);
    watcher.close();
    writer.close();
  });

  it('stops delivering after unsubscribe', async () => {
    const client = await harness.connect();
    const seen: string[] = [];
    const stop = await client.subscribe(['log'], (event) => seen.push(event.event));
    await stop();
    harness.deps.logger.info('after unsubscribe');
    await client.call('status');
    expect(seen).toEqual([]);
    client.close();
  });
});

describe('backpressure', () => {
  it('drops stats for a client that does not read, but keeps state events', async () => {
    await harness.restart({ limits: { lossyBufferBytes: 4096 } });
    const raw = await rawConnection(harness.socketPath);
    raw.send(`${hello(1)}{"id":2,"method":"subscribe","params":{"events":["stats","state"]}}\n`);
    await raw.next();
    expect(await raw.next()).toMatchObject({ id: 2, result: { ok: true } });
    const sent = 5000;
    for (let i = 0; i < sent; i++) harness.service.emitStats({ ...emptyStatsSample(FAKE_TIME), rxBytes: i });
    harness.service.setStatus({ ...disconnectedStatus(FAKE_TIME), state: 'connecting' });
    let stats = 0;
    for (let message = await raw.next(); message.event !== 'state'; message = await raw.next()) stats++;
    expect(stats).toBeGreaterThan(0);
    expect(stats).toBeLessThan(sent);
    raw.close();
  });

  it('disconnects a client whose unread replies pass the hard limit', async () => {
    await harness.restart({ limits: { maxBufferedBytes: 64 * 1024 } });
    const raw = await rawConnection(harness.socketPath);
    raw.send(`${hello(1)}{"id":2,"method":"subscribe","params":{"events":["state"]}}\n`);
    await raw.next();
    await raw.next();
    raw.pause();
    for (let i = 0; i < 5000; i++) harness.service.setStatus({ ...disconnectedStatus(FAKE_TIME), rxBytes: i });
    await vi.waitFor(() => expect(harness.server.connectionCount()).toBe(0));
    raw.close();
  });
});
