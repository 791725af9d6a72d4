// revert() and recover(): reverse order, tolerance of things already gone, leftovers kept, a crashed ferryd's journal undone.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLinuxTestEnv, ORIGINAL_RESOLV_CONF, readJournalFile, type LinuxTestEnv } from './linux-test-helpers.js';
import type { TunnelNetworkPlan } from './network.js';

let env: LinuxTestEnv;
beforeEach(async () => {
  env = await makeLinuxTestEnv();
});
afterEach(async () => {
  await env.cleanup();
});

const fullPlan: TunnelNetworkPlan = {
  interfaceName: 'ferry0',
  addresses: ['10.64.0.2/32', 'fd00:64::2/128'],
  mtuBytes: 1420,
  routes: ['10.99.0.0/16', 'fd00:99::/64'],
  fullTunnel: { ipv4: true, ipv6: true, fwmark: 51820, table: 51820 },
  dns: { servers: ['10.64.0.1'], search: [] },
};

/** The undo commands of fullPlan, newest change first. */
const FULL_PLAN_UNDO = [
  'nft delete table inet ferry-mark-ferry0',
  'ip -6 route del ::/0 dev ferry0 table 51820',
  'ip -6 rule del priority 32764 table main suppress_prefixlength 0',
  'ip -6 rule del priority 32765 not fwmark 51820 table 51820',
  'ip -4 route del 0.0.0.0/0 dev ferry0 table 51820',
  'ip -4 rule del priority 32764 table main suppress_prefixlength 0',
  'ip -4 rule del priority 32765 not fwmark 51820 table 51820',
  'ip -4 route del 10.99.0.0/16 dev ferry0',
  'ip -6 route del fd00:99::/64 dev ferry0',
  'ip link set dev ferry0 mtu 1500 down',
  'ip -6 address del fd00:64::2/128 dev ferry0',
  'ip -4 address del 10.64.0.2/32 dev ferry0',
];

async function expectSystemRestored(): Promise<void> {
  expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
  expect(await fs.readFile(env.srcValidMarkPath, 'utf8')).toBe('0\n');
  expect(await readJournalFile(env.stateDir)).toBeNull();
}

describe('revert', () => {
  it('undoes every change in reverse order and clears the journal', async () => {
    const configurator = env.configurator();
    expect((await configurator.apply(fullPlan)).ok).toBe(true);
    expect(await readJournalFile(env.stateDir)).toHaveLength(14);
    env.runner.clear();
    expect(await configurator.revert()).toEqual({ ok: true, value: undefined });
    expect(env.runner.lines()).toEqual(FULL_PLAN_UNDO);
    await expectSystemRestored();
  });

  it('counts a vanished TUN device (and everything that went with it) as undone', async () => {
    const configurator = env.configurator();
    await configurator.apply(fullPlan);
    env.runner.fail(/^ip .* dev ferry0/, 'Cannot find device "ferry0"');
    env.runner.fail(/^ip -. rule del/, 'RTNETLINK answers: No such file or directory');
    env.runner.fail(/^nft delete/, 'Error: Could not process rule: No such file or directory');
    expect((await configurator.revert()).ok).toBe(true);
    await expectSystemRestored();
  });

  it('keeps a change it could not undo in the journal, undoes the rest, and reports it', async () => {
    const configurator = env.configurator();
    await configurator.apply(fullPlan);
    env.runner.fail('ip -4 rule del priority 32765 not fwmark 51820 table 51820', 'RTNETLINK answers: Operation not permitted', 1);
    const result = await configurator.revert();
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.details).toEqual({
      notUndone: [
        {
          change: { kind: 'rule', family: 4, priority: 32765, selector: { not: true, fwmark: 51820, table: 51820 } },
          message: expect.stringContaining('Operation not permitted'),
        },
      ],
    });
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
    expect(await readJournalFile(env.stateDir)).toHaveLength(1);
    env.runner.clear();
    expect((await configurator.revert()).ok).toBe(true);
    expect(env.runner.lines()).toEqual(['ip -4 rule del priority 32765 not fwmark 51820 table 51820']);
    await expectSystemRestored();
  });

  it('with an empty journal does nothing', async () => {
    expect((await env.configurator().revert()).ok).toBe(true);
    expect(env.runner.calls).toEqual([]);
  });
});

describe('recover', () => {
  it('undoes the journal a crashed ferryd left on disk, from a fresh configurator', async () => {
    await env.configurator().apply(fullPlan);
    // The first ferryd "dies" here: nothing reverted. A new one starts with the same state dir.
    env.runner.clear();
    const restarted = env.configurator();
    expect(await restarted.recover()).toEqual({ ok: true, value: undefined });
    expect(env.runner.lines()).toEqual(FULL_PLAN_UNDO);
    await expectSystemRestored();
  });

  it('reads a hand-written journal file', async () => {
    await fs.mkdir(env.stateDir, { recursive: true });
    const records = [
      { atWallMs: 1, change: { kind: 'address', interfaceName: 'ferry0', family: 4, address: '10.64.0.2/32' } },
      { atWallMs: 2, change: { kind: 'rule', family: 6, priority: 32765, selector: { not: true, fwmark: 51820, table: 51820 } } },
      { atWallMs: 3, change: { kind: 'sysctl', key: 'net.ipv4.conf.all.src_valid_mark', previousValue: '0' } },
    ];
    await fs.writeFile(env.srcValidMarkPath, '1\n');
    await fs.writeFile(path.join(env.stateDir, 'journal.json'), JSON.stringify({ version: 1, records }));
    expect((await env.configurator().recover()).ok).toBe(true);
    expect(env.runner.lines()).toEqual([
      'ip -6 rule del priority 32765 not fwmark 51820 table 51820',
      'ip -4 address del 10.64.0.2/32 dev ferry0',
    ]);
    await expectSystemRestored();
  });

  it('moves an unreadable journal aside and reports it without running anything', async () => {
    await fs.mkdir(env.stateDir, { recursive: true });
    const bogus = { version: 1, records: [{ atWallMs: 1, change: { kind: 'nft-table', family: 'inet', name: 'firewalld' } }] };
    await fs.writeFile(path.join(env.stateDir, 'journal.json'), JSON.stringify(bogus));
    const result = await env.configurator().recover();
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.message).toContain('could not be read');
    expect(env.runner.calls).toEqual([]);
    expect(await fs.readdir(env.stateDir)).toEqual([`journal.corrupt-${env.clock.wallMs()}.json`]);
  });

  it('with no journal does nothing', async () => {
    expect((await env.configurator().recover()).ok).toBe(true);
    expect(env.runner.calls).toEqual([]);
  });
});
