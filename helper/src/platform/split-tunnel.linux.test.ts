// LinuxSplitTunnel against a fake runner and a fake cgroupfs: exact commands, journal, priorities, rollback, undo and errors.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHost } from '../split/fake-host.js';
import { FakeClock } from '../time/fake-clock.js';
import { FakeCommandRunner } from './command-runner.fake.js';
import { LinuxSplitTunnel, SPLIT_JOURNAL_FILE_NAME } from './split-tunnel.linux.js';
import type { SplitTunnelConfig } from './split-tunnel.js';

const HYBRID_MOUNTINFO = '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n';
const MOUNT = '/sys/fs/cgroup/unified';
const WG_RULES_V4 =
  '[{"priority":0,"table":"local"},{"priority":32764,"table":"main","suppress_prefixlen":0},{"priority":32765,"not":null,"fwmark":"0xca6c","table":"51820"},{"priority":32766,"table":"main"},{"priority":32767,"table":"default"}]';
const WG_RULES_V6 = '[{"priority":0,"table":"local"},{"priority":32764,"table":"main"},{"priority":32765,"table":"51820"},{"priority":32766,"table":"main"}]';
const OURS = '{"priority":32763,"src":"all","fwmark":"0x46520000","fwmask":"0xffff0000","table":"main"}';
const EXCLUDE: SplitTunnelConfig = { mode: 'exclude', groups: ['r-0123456789', 'manual'], tunnel: { interfaceName: 'ferry0', dnsServers: ['10.64.0.1', 'fd00::1'] } };

let directory = '';
let runner: FakeCommandRunner;
let host: FakeHost;

function tunnel(mountInfo = 'mountinfo'): LinuxSplitTunnel {
  return new LinuxSplitTunnel({ runner, stateDir: path.join(directory, 'state'), clock: new FakeClock(), mountInfoPath: path.join(directory, mountInfo), cgroups: host });
}

async function journalKinds(): Promise<string[]> {
  try {
    const text = await fs.readFile(path.join(directory, 'state', SPLIT_JOURNAL_FILE_NAME), 'utf8');
    return (JSON.parse(text) as { records: { change: { kind: string } }[] }).records.map((record) => record.change.kind);
  } catch {
    return [];
  }
}

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-split-tunnel-'));
  await fs.writeFile(path.join(directory, 'mountinfo'), HYBRID_MOUNTINFO);
  await fs.writeFile(path.join(directory, 'no-cgroup2'), '32 31 0:29 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n');
  runner = new FakeCommandRunner().on('ip -json -4 rule show', { stdout: WG_RULES_V4 }).on('ip -json -6 rule show', { stdout: WG_RULES_V6 });
  host = new FakeHost(MOUNT);
});

afterEach(() => fs.rm(directory, { recursive: true, force: true }));

describe('LinuxSplitTunnel.set', () => {
  it('exclude: makes the cgroups, loads the table, puts a rule ahead of wg-quick’s for each family', async () => {
    const result = await tunnel().set(EXCLUDE);
    expect(result).toEqual({
      ok: true,
      value: { mountPoint: MOUNT, groupDirs: { 'r-0123456789': `${MOUNT}/ferry-exclude/r-0123456789`, manual: `${MOUNT}/ferry-exclude/manual` } },
    });
    expect(runner.lines()).toEqual([
      'nft -f -',
      'ip -json -4 rule show',
      'ip -4 rule add fwmark 0x46520000/0xffff0000 table main priority 32763',
      'ip -json -6 rule show',
      'ip -6 rule add fwmark 0x46520000/0xffff0000 table main priority 32763',
    ]);
    expect(runner.calls[0]?.input).toContain('socket cgroupv2 level 2 "unified/ferry-exclude/r-0123456789" meta mark set 0x46520001');
    expect([...host.dirs].sort()).toEqual([MOUNT, `${MOUNT}/ferry-exclude`, `${MOUNT}/ferry-exclude/manual`, `${MOUNT}/ferry-exclude/r-0123456789`]);
    expect(await journalKinds()).toEqual(['cgroup', 'cgroup', 'cgroup', 'nft-table', 'split-rule', 'split-rule']);
  });

  it('include: only unmarked traffic is sent to main, so marked traffic falls through to the tunnel', async () => {
    await tunnel().set({ ...EXCLUDE, mode: 'include' });
    expect(runner.lines()).toContain('ip -4 rule add not fwmark 0x46520000/0xffff0000 table main priority 32763');
    expect(runner.lines()).toContain('ip -6 rule add not fwmark 0x46520000/0xffff0000 table main priority 32763');
  });

  it('switching the mode adds the new rule one priority below the old one (the kernel treats `not` alike), then drops the old', async () => {
    const split = tunnel();
    await split.set(EXCLUDE);
    const withOurs = (rules: string): string => rules.replace(/}]$/, `},${OURS}]`);
    runner.on('ip -json -4 rule show', { stdout: withOurs(WG_RULES_V4) }).on('ip -json -6 rule show', { stdout: withOurs(WG_RULES_V6) }).clear();
    await split.set({ ...EXCLUDE, mode: 'include' });
    expect(runner.lines().filter((line) => line.startsWith('ip -4'))).toEqual([
      'ip -4 rule add not fwmark 0x46520000/0xffff0000 table main priority 32762',
      'ip -4 rule del priority 32763 fwmark 0x46520000/0xffff0000 table main',
    ]);
  });

  it('moves its rule ahead again when the tunnel’s rules were put before it, new rule first', async () => {
    const split = tunnel();
    await split.set(EXCLUDE);
    const reconnected = `[{"priority":0,"table":"local"},{"priority":32761,"table":"main"},{"priority":32762,"table":"51820"},${OURS},{"priority":32766,"table":"main"}]`;
    runner.on('ip -json -4 rule show', { stdout: reconnected }).on('ip -json -6 rule show', { stdout: WG_RULES_V6.replace('}]', `},${OURS}]`) }).clear();
    await split.set(EXCLUDE);
    expect(runner.lines().filter((line) => line.startsWith('ip -4'))).toEqual([
      'ip -4 rule add fwmark 0x46520000/0xffff0000 table main priority 32760',
      'ip -4 rule del priority 32763 fwmark 0x46520000/0xffff0000 table main',
    ]);
    expect(runner.lines().filter((line) => line.startsWith('ip -6'))).toEqual([]);
  });

  it('adds its rule again when the journal outlived it (a reboot), without deleting the new one', async () => {
    const split = tunnel();
    await split.set(EXCLUDE);
    runner.clear();
    await split.set(EXCLUDE);
    expect(runner.lines().filter((line) => line.startsWith('ip -4'))).toEqual(['ip -4 rule add fwmark 0x46520000/0xffff0000 table main priority 32763']);
    expect(await journalKinds()).toEqual(['cgroup', 'cgroup', 'cgroup', 'nft-table', 'split-rule', 'split-rule']);
  });

  it('carries the processes of a group across a mode change and removes the old cgroups', async () => {
    const split = tunnel();
    await split.set(EXCLUDE);
    host.spawn({ pid: 500, exe: '/opt/app', cgroup: '/ferry-exclude/r-0123456789' });
    await split.set({ ...EXCLUDE, mode: 'include' });
    expect(host.cgroup(500)).toBe('/ferry-include/r-0123456789');
    expect([...host.dirs].filter((dir) => dir.includes('ferry-exclude'))).toEqual([]);
  });

  it('set(null) undoes everything newest first and puts leftover processes in the root cgroup', async () => {
    const split = tunnel();
    await split.set(EXCLUDE);
    host.spawn({ pid: 501, exe: '/opt/app', cgroup: '/ferry-exclude/manual' });
    runner.clear();
    expect(await split.set(null)).toEqual({ ok: true, value: null });
    expect(runner.lines()).toEqual([
      'nft -j list counters table inet ferry-split',
      'ip -6 rule del priority 32763 fwmark 0x46520000/0xffff0000 table main',
      'ip -4 rule del priority 32763 fwmark 0x46520000/0xffff0000 table main',
      'nft delete table inet ferry-split',
    ]);
    expect(host.cgroup(501)).toBe('/');
    expect([...host.dirs]).toEqual([MOUNT]);
    expect(await journalKinds()).toEqual([]);
  });
});

describe('LinuxSplitTunnel errors', () => {
  it('without cgroup v2 says so and changes nothing', async () => {
    const result = await tunnel('no-cgroup2').set(EXCLUDE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toEqual({ reason: 'no-cgroup2' });
    expect(runner.lines()).toEqual([]);
    expect([...host.dirs]).toEqual([MOUNT]);
  });

  it('without nft says so and undoes the cgroups it made', async () => {
    runner.on('nft -f -', { code: 127, stderr: 'spawn nft ENOENT' });
    const result = await tunnel().set(EXCLUDE);
    expect(result).toEqual({
      ok: false,
      error: { code: 'SYSTEM_ERROR', message: 'nft is not installed: split tunnelling needs nftables', details: { reason: 'no-nftables', rolledBack: true } },
    });
    expect([...host.dirs]).toEqual([MOUNT]);
    expect(await journalKinds()).toEqual([]);
  });

  it('skips the IPv6 rule on a host without IPv6', async () => {
    runner.on('ip -json -6 rule show', { code: 2, stderr: 'RTNETLINK answers: Address family not supported by protocol' });
    expect((await tunnel().set(EXCLUDE)).ok).toBe(true);
    expect(runner.lines().filter((line) => line.includes('rule add'))).toEqual(['ip -4 rule add fwmark 0x46520000/0xffff0000 table main priority 32763']);
  });

  it('refuses a config whose names would reach nft unchecked', async () => {
    const result = await tunnel().set({ mode: 'exclude', groups: ['Bad name"'], tunnel: { interfaceName: 'x;y', dnsServers: ['dns.example'] } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe(
        'the split-tunnel config is not valid: bad group name "Bad name""; bad interface name "x;y"; "dns.example" is not an IP address',
      );
    }
    expect(runner.lines()).toEqual([]);
  });
});

describe('LinuxSplitTunnel.counters', () => {
  it('reads the named counters per group and keeps counting across table replacements', async () => {
    const split = tunnel();
    const listing = (bytes: number): string =>
      JSON.stringify({
        nftables: [
          { metainfo: { version: '1.0.6' } },
          { counter: { family: 'inet', name: 'manual-direct-tx', table: 'ferry-split', packets: 1, bytes } },
          { counter: { family: 'inet', name: 'manual-tunnel-rx', table: 'ferry-split', packets: 1, bytes: 7 } },
        ],
      });
    runner.on('nft -j list counters table inet ferry-split', { stdout: listing(100) });
    await split.set(EXCLUDE);
    await split.set(EXCLUDE);
    runner.on('nft -j list counters table inet ferry-split', { stdout: listing(5) });
    const counters = await split.counters();
    expect(counters).toEqual({ ok: true, value: { manual: { tunnelTxBytes: 0, tunnelRxBytes: 14, directTxBytes: 105, directRxBytes: 0 } } });
  });
});
