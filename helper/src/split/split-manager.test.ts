// The split-tunnel engine with a fake kernel side and a fake host: rules catch processes, removal releases them, PIDs are checked, failures roll back.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import type { ProcEventSource } from '../native/proc-connector.js';
import { silentLogger } from '../platform/network.js';
import { FakeSplitTunnel } from '../platform/split-tunnel.fake.js';
import type { SplitTunnelApplied, SplitTunnelConfig } from '../platform/split-tunnel.js';
import { FakeClock } from '../time/fake-clock.js';
import { FakeHost } from './fake-host.js';
import { SplitManager } from './split-manager.js';
import { ruleIdFor } from './split-rules.js';
import { memorySplitStore, type SplitSettings } from './split-store.js';

const MOUNT = '/fake-cgroup2';
const ALICE = { pid: 4000, uid: 1000, gid: 1000 };
let directory = '';
let app = '';

/** Makes the cgroups it lays out, as the Linux one does. */
class HostSplitTunnel extends FakeSplitTunnel {
  constructor(private readonly host: FakeHost) {
    super(MOUNT);
  }

  override async set(config: SplitTunnelConfig | null): Promise<FerryResult<SplitTunnelApplied | null>> {
    const result = await super.set(config);
    for (const dir of Object.values(result.ok && result.value ? result.value.groupDirs : {})) {
      this.host.create(path.dirname(dir));
      this.host.create(dir);
    }
    return result;
  }
}

async function setUp(settings: SplitSettings = { mode: 'exclude', rules: [] }) {
  const host = new FakeHost(MOUNT);
  const splitTunnel = new HostSplitTunnel(host);
  const store = memorySplitStore(settings);
  const idle: ProcEventSource & { kind: 'process-connector' } = { kind: 'process-connector', start: () => undefined, close: () => undefined };
  const deps = { splitTunnel, store, procfs: host, cgroups: host, openEvents: () => idle, clock: new FakeClock(), monotonicNs: () => 0n, logger: silentLogger };
  return { host, splitTunnel, store, open: () => SplitManager.open(deps) };
}

beforeAll(async () => {
  directory = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-split-manager-')));
  app = path.join(directory, 'app');
  await fs.writeFile(app, '\x7fELF', { mode: 0o755 });
});

afterAll(() => fs.rm(directory, { recursive: true, force: true }));

describe('SplitManager rules', () => {
  it('catches running processes of a new rule, keeps the rule, and passes the tunnel on', async () => {
    const { host, splitTunnel, store, open } = await setUp();
    host.spawn({ pid: 10, exe: app, cgroup: '/user.slice/app.scope' }).spawn({ pid: 11, exe: '/usr/bin/other' });
    const manager = await open();
    const added = await manager.addRule(app, 'App');
    expect(added).toEqual({ ok: true, value: { id: ruleIdFor(app), path: app, requestedPath: app, name: 'App', isScript: false } });
    expect(host.cgroup(10)).toBe(`/ferry-exclude/${ruleIdFor(app)}`);
    expect(host.cgroup(11)).toBe('/user.slice');
    expect(store.saved.at(-1)?.rules.map((rule) => rule.path)).toEqual([app]);
    await manager.setTunnel({ interfaceName: 'ferry0', dnsServers: ['10.64.0.1'] });
    expect(splitTunnel.current).toEqual({ mode: 'exclude', groups: [ruleIdFor(app), 'manual'], tunnel: { interfaceName: 'ferry0', dnsServers: ['10.64.0.1'] } });
  });

  it('refuses a bad path with its exact error and changes nothing', async () => {
    const { splitTunnel, store, open } = await setUp();
    const manager = await open();
    const configs = splitTunnel.configs.length;
    expect(await manager.addRule('relative/app')).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'not an absolute path: "relative/app"', details: { reason: 'path-relative' } },
    });
    expect(splitTunnel.configs.length).toBe(configs);
    expect(store.saved).toEqual([]);
  });

  it('puts the processes of a removed rule back into the cgroup they came from', async () => {
    const { host, splitTunnel, open } = await setUp();
    host.create(`${MOUNT}/user.slice`);
    host.create(`${MOUNT}/user.slice/app.scope`);
    host.spawn({ pid: 10, exe: app, cgroup: '/user.slice/app.scope' });
    const manager = await open();
    await manager.addRule(app);
    expect(await manager.removeRule({ path: app })).toEqual({ ok: true, value: undefined });
    expect(host.cgroup(10)).toBe('/user.slice/app.scope');
    expect(splitTunnel.current?.groups).toEqual(['manual']);
  });

  it('turning split tunnelling off releases every process and removes everything', async () => {
    const { host, splitTunnel, open } = await setUp();
    host.spawn({ pid: 10, exe: app, cgroup: '/' });
    const manager = await open();
    await manager.addRule(app);
    expect(await manager.setMode('off')).toEqual({ ok: true, value: { mode: 'off', enforced: false, watcher: 'stopped', problem: null } });
    expect(host.cgroup(10)).toBe('/');
    expect(splitTunnel.configs.at(-1)).toBeNull();
  });
});

describe('SplitManager failures', () => {
  it('a mode the system refuses is rolled back and reported', async () => {
    const { splitTunnel, store, open } = await setUp({ mode: 'off', rules: [] });
    const manager = await open();
    splitTunnel.failNextSet('cgroup v2 is not mounted', 'no-cgroup2');
    const result = await manager.setMode('include');
    expect(result).toEqual({ ok: false, error: { code: 'SYSTEM_ERROR', message: 'cgroup v2 is not mounted', details: { reason: 'no-cgroup2' } } });
    expect(manager.status().mode).toBe('off');
    expect(store.saved).toEqual([]);
  });

  it('a stored mode that cannot be applied at start-up shows as a problem', async () => {
    const { splitTunnel, open } = await setUp();
    splitTunnel.failNextSet('nft is not installed: split tunnelling needs nftables', 'no-nftables');
    const manager = await open();
    expect(manager.status()).toEqual({
      mode: 'exclude',
      enforced: false,
      watcher: 'stopped',
      problem: { reason: 'no-nftables', message: 'nft is not installed: split tunnelling needs nftables' },
    });
  });
});

describe('SplitManager PIDs', () => {
  it('moves a process of the caller, refuses others’ processes and missing ones, and lists it with counters', async () => {
    const { host, splitTunnel, open } = await setUp();
    host.spawn({ pid: 20, exe: '/usr/bin/curl', uid: 1000, name: 'curl' }).spawn({ pid: 21, exe: '/usr/bin/curl', uid: 1001 });
    splitTunnel.counterValues = { manual: { tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 300, directRxBytes: 900 } };
    const manager = await open();
    expect(await manager.addPid(20, ALICE)).toEqual({ ok: true, value: undefined });
    expect(await manager.addPid(21, ALICE)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'process 21 belongs to another user', details: { reason: 'pid-not-yours' } },
    });
    expect(await manager.addPid(21, { pid: 1, uid: 0, gid: 0 })).toEqual({ ok: true, value: undefined });
    expect(await manager.addPid(99999, ALICE)).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'no such process: 99999', details: { reason: 'pid-missing' } },
    });
    const list = await manager.list();
    expect(list.manual).toEqual({
      processes: [
        { pid: 20, exe: '/usr/bin/curl', command: 'curl', uid: 1000 },
        { pid: 21, exe: '/usr/bin/curl', command: 'curl', uid: 1001 },
      ],
      counters: { tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 300, directRxBytes: 900 },
    });
  });

  it('a process taken out by PID is not caught again by its rule', async () => {
    const { host, open } = await setUp();
    host.spawn({ pid: 30, exe: app, cgroup: '/' });
    const manager = await open();
    await manager.addRule(app);
    expect(await manager.removePid(30, ALICE)).toEqual({ ok: true, value: undefined });
    await manager.setTunnel(null);
    expect(host.cgroup(30)).toBe('/');
    expect(await manager.removePid(30, ALICE)).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'process 30 is not in a split cgroup', details: { reason: 'pid-not-caught' } },
    });
  });

  it('launch moves the caller itself, or a child of the caller, and needs a mode', async () => {
    const { host, open } = await setUp();
    host.spawn({ pid: ALICE.pid, exe: '/usr/bin/node' }).spawn({ pid: 41, exe: '/bin/sh', ppid: ALICE.pid }).spawn({ pid: 42, exe: '/bin/sh' });
    const manager = await open();
    expect(await manager.launch(ALICE)).toEqual({ ok: true, value: { pid: ALICE.pid } });
    expect(host.cgroup(ALICE.pid)).toBe('/ferry-exclude/manual');
    expect(await manager.launch(ALICE, 41)).toEqual({ ok: true, value: { pid: 41 } });
    expect(await manager.launch(ALICE, 42)).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'process 42 is not a child of the caller', details: { reason: 'pid-not-child' } },
    });
    await manager.setMode('off');
    expect(await manager.launch(ALICE)).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'split tunnelling is off: set the mode to exclude or include first', details: { reason: 'split-off' } },
    });
  });
});
