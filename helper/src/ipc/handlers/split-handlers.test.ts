// The split.* handlers through a real client and server: the caller's credentials reach the engine, errors get their codes, events carry the list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, type FerryError } from '../../../../shared/src/protocol/errors.js';
import type { FerryEvent } from '../../../../shared/src/protocol/events.js';
import { FAKE_RULE, FakeSplitService } from '../../split/split-service.fake.js';
import type { FerryClient } from '../client.js';
import { MEMBER, ROOT, startHarness, STRANGER, type Harness } from '../server-harness.js';
import { withSplitCode } from './split-handlers.js';

let harness: Harness;
let split: FakeSplitService;
let root: FerryClient;

beforeEach(async () => {
  split = new FakeSplitService();
  harness = await startHarness({}, split);
  root = await harness.connect(ROOT);
});

afterEach(async () => {
  root.close();
  await harness.close();
});

async function errorOf(promise: Promise<unknown>): Promise<FerryError> {
  const error = (await promise.catch((caught: unknown) => caught)) as { toJSON(): FerryError };
  return error.toJSON();
}

describe('withSplitCode', () => {
  it.each([
    ['path-relative', 'INVALID_PARAMS', 'PATH_INVALID'],
    ['path-missing', 'INVALID_PARAMS', 'PATH_INVALID'],
    ['path-not-executable', 'INVALID_PARAMS', 'PATH_INVALID'],
    ['pid-missing', 'INVALID_PARAMS', 'PROCESS_NOT_FOUND'],
    ['no-cgroup2', 'SYSTEM_ERROR', 'SPLIT_UNAVAILABLE'],
    ['cgroup2-unreachable', 'SYSTEM_ERROR', 'SPLIT_UNAVAILABLE'],
    ['no-nftables', 'SYSTEM_ERROR', 'SPLIT_UNAVAILABLE'],
    ['apply-failed', 'SYSTEM_ERROR', 'SYSTEM_ERROR'],
    ['pid-not-yours', 'FORBIDDEN', 'FORBIDDEN'],
    ['rule-exists', 'INVALID_PARAMS', 'INVALID_PARAMS'],
  ] as const)('reason %s: %s becomes %s, message and details kept', (reason, from, to) => {
    expect(withSplitCode(fail(from, 'why', { reason }))).toEqual({ ok: false, error: { code: to, message: 'why', details: { reason } } });
  });
});

describe('split handlers', () => {
  it('reads the status, and adds it to `status`', async () => {
    split.current = { mode: 'exclude', enforced: false, watcher: 'stopped', problem: { reason: 'no-cgroup2', message: 'cgroup v2 is not mounted' } };
    expect(await root.call('split.get')).toEqual(split.current);
    expect((await root.call('status')).split).toEqual(split.current);
  });

  it('passes mode and rules to the engine and returns what it says', async () => {
    expect(await root.call('split.setMode', { mode: 'include' })).toEqual({ mode: 'include', enforced: true, watcher: 'polling', problem: null });
    expect(await root.call('split.addRule', { path: '/usr/bin/firefox', name: 'Firefox' })).toEqual({ rule: { ...FAKE_RULE, name: 'Firefox' } });
    expect(await root.call('split.addRule', { path: '/usr/bin/firefox' })).toEqual({ rule: { ...FAKE_RULE, name: null } });
    expect(await root.call('split.removeRule', { id: 'r-0123456789' })).toEqual({ ok: true });
    expect(await root.call('split.removeRule', { path: '/usr/bin/firefox' })).toEqual({ ok: true });
    expect(split.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['setMode', 'include'],
      ['addRule', '/usr/bin/firefox', 'Firefox'],
      ['addRule', '/usr/bin/firefox', null],
      ['removeRule', { id: 'r-0123456789' }],
      ['removeRule', { path: '/usr/bin/firefox' }],
    ]);
  });

  it('gives the engine the caller as the kernel reported it, for PIDs and launch', async () => {
    const member = await harness.connect(MEMBER);
    await member.call('split.pidAdd', { pid: 4242 });
    await member.call('split.pidRemove', { pid: 4242 });
    expect(await member.call('split.launch', {})).toEqual({ pid: MEMBER.pid });
    expect(await member.call('split.launch', { pid: 4243 })).toEqual({ pid: 4243 });
    member.close();
    expect(split.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['addPid', 4242, MEMBER],
      ['removePid', 4242, MEMBER],
      ['launch', MEMBER, undefined],
      ['launch', MEMBER, 4243],
    ]);
  });

  it('turns engine errors into their protocol codes', async () => {
    split.failure = fail('INVALID_PARAMS', 'not an absolute path: "bin/app"', { reason: 'path-relative' });
    expect(await errorOf(root.call('split.addRule', { path: 'bin/app' }))).toEqual({ code: 'PATH_INVALID', message: 'not an absolute path: "bin/app"', details: { reason: 'path-relative' } });
    split.failure = fail('INVALID_PARAMS', 'no such process: 9', { reason: 'pid-missing' });
    expect(await errorOf(root.call('split.pidAdd', { pid: 9 }))).toMatchObject({ code: 'PROCESS_NOT_FOUND', message: 'no such process: 9' });
    split.failure = fail('SYSTEM_ERROR', 'cgroup v2 is not mounted', { reason: 'no-cgroup2' });
    expect(await errorOf(root.call('split.setMode', { mode: 'exclude' }))).toMatchObject({ code: 'SPLIT_UNAVAILABLE' });
  });

  it('lets every user read, and only root and the ferry group change or move processes', async () => {
    const stranger = await harness.connect(STRANGER);
    expect(await stranger.call('split.list')).toMatchObject({ mode: 'off', rules: [] });
    expect(await errorOf(stranger.call('split.setMode', { mode: 'exclude' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(stranger.call('split.launch', {}))).toMatchObject({ code: 'FORBIDDEN' });
    stranger.close();
    expect(split.calls).toEqual([]);
  });

  it('lists installed apps for the caller\'s uid and serves their icons', async () => {
    const seen: unknown[] = [];
    split.apps = async (uid, dataDirs) => {
      seen.push([uid, dataDirs]);
      return { ok: true, value: [{ id: 'firefox.desktop', name: 'Firefox', requestedPath: '/usr/bin/firefox', path: FAKE_RULE.path, icon: null, ruleId: null }] };
    };
    const member = await harness.connect(MEMBER);
    expect((await member.call('split.apps', { dataDirs: ['/usr/share'] })).apps.map((app) => app.name)).toEqual(['Firefox']);
    expect(await member.call('split.icon', { path: '/usr/share/pixmaps/firefox.png' })).toEqual({ mimeType: 'image/png', dataBase64: 'iVBORw==' });
    expect(await errorOf(member.call('split.icon', { path: '/etc/shadow' }))).toMatchObject({ code: 'PATH_INVALID' });
    member.close();
    expect(seen).toEqual([[MEMBER.uid, ['/usr/share']]]);
  });

  it('refuses per-user reads when the caller cannot be identified', async () => {
    await harness.restart({
      credentialsOf: () => {
        throw new Error('no SO_PEERCRED');
      },
    });
    const unknown = await harness.connect();
    expect(await errorOf(unknown.call('split.apps', {}))).toEqual({ code: 'FORBIDDEN', message: 'ferryd could not tell which process is asking' });
    expect(await unknown.call('split.get')).toMatchObject({ mode: 'off' });
    unknown.close();
  });

  it('publishes the whole list as the `split` event when the engine reports a change', async () => {
    split.rules = [FAKE_RULE];
    const events: FerryEvent[] = [];
    await root.subscribe(['split'], (event) => events.push(event));
    split.emitChange();
    // The event is written before the reply to a call made after it.
    await root.call('split.get');
    expect(events.map((event) => event.event)).toEqual(['split']);
    expect(events[0]?.data).toMatchObject({ mode: 'off', rules: [{ id: FAKE_RULE.id, counters: { directTxBytes: 1536 } }] });
  });
});

describe('a ferryd without split tunnelling', () => {
  it('answers every split method with SPLIT_UNAVAILABLE and leaves `status` alone', async () => {
    const bare = await startHarness();
    const client = await bare.connect(ROOT);
    expect(await errorOf(client.call('split.list'))).toEqual({ code: 'SPLIT_UNAVAILABLE', message: 'this ferryd has no split tunnelling' });
    expect(await errorOf(client.call('split.setMode', { mode: 'exclude' }))).toMatchObject({ code: 'SPLIT_UNAVAILABLE' });
    expect((await client.call('status')).split).toBeUndefined();
    client.close();
    await bare.close();
  });
});
