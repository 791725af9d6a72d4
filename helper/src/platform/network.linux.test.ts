// Exact command lists of the Linux configurator's apply(): split tunnel, full tunnel v4 and v4+v6, rollback on failure, bad plans.
import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeLinuxTestEnv, ORIGINAL_RESOLV_CONF, readJournalFile, type LinuxTestEnv } from './linux-test-helpers.js';
import { markFirewallScript } from './mark-firewall.linux.js';
import type { TunnelNetworkPlan } from './network.js';

let env: LinuxTestEnv;
beforeEach(async () => {
  env = await makeLinuxTestEnv();
});
afterEach(async () => {
  await env.cleanup();
});

const basePlan: TunnelNetworkPlan = {
  interfaceName: 'ferry0',
  addresses: ['10.64.0.2/32', 'fd00:64::2/128'],
  mtuBytes: 1420,
  routes: [],
  fullTunnel: null,
  dns: null,
};

const FULL_V4_RULES = [
  'ip -json -4 rule show',
  'ip -4 rule add not fwmark 51820 table 51820 priority 32765',
  'ip -4 rule add table main suppress_prefixlength 0 priority 32764',
  'ip -4 route add 0.0.0.0/0 dev ferry0 table 51820',
];
const FULL_V6_RULES = [
  'ip -json -6 rule show',
  'ip -6 rule add not fwmark 51820 table 51820 priority 32765',
  'ip -6 rule add table main suppress_prefixlength 0 priority 32764',
  'ip -6 route add ::/0 dev ferry0 table 51820',
];

describe('LinuxNetworkConfigurator.apply', () => {
  it('split tunnel v4+v6: addresses, MTU + up, routes longest prefix first, skipping covered ones', async () => {
    env.runner.on('ip -json -4 route show dev ferry0 match 10.64.0.0/16', { stdout: '[{"dst":"10.64.0.0/16","scope":"link","flags":[]}]' });
    const plan = { ...basePlan, routes: ['10.0.0.0/8', '192.168.10.0/24', 'fd00:1::/64', '10.64.0.0/16', '10.0.0.0/8'] };
    const result = await env.configurator().apply(plan);
    expect(result).toEqual({ ok: true, value: undefined });
    expect(env.runner.lines()).toEqual([
      'ip -json address show dev ferry0',
      // one ip -batch: addresses (family from the address), MTU + up
      'ip address add 10.64.0.2/32 dev ferry0',
      'ip address add fd00:64::2/128 dev ferry0',
      'ip link set dev ferry0 mtu 1420 up',
      // the coverage checks side by side, then one ip -batch of the routes not covered
      'ip -json -6 route show dev ferry0 match fd00:1::/64',
      'ip -json -4 route show dev ferry0 match 192.168.10.0/24',
      'ip -json -4 route show dev ferry0 match 10.64.0.0/16',
      'ip -json -4 route show dev ferry0 match 10.0.0.0/8',
      'ip route add fd00:1::/64 dev ferry0',
      'ip route add 192.168.10.0/24 dev ferry0',
      'ip route add 10.0.0.0/8 dev ferry0',
    ]);
    expect(env.runner.batches).toHaveLength(2);
    expect(await fs.readFile(env.srcValidMarkPath, 'utf8')).toBe('0\n');
    const kinds = (await readJournalFile(env.stateDir))?.map((record) => (record as { change: { kind: string } }).change.kind);
    expect(kinds).toEqual(['address', 'address', 'link', 'route', 'route', 'route']);
  });

  it('full tunnel v4 only: rules before the route, src_valid_mark, one nft transaction', async () => {
    const plan: TunnelNetworkPlan = { ...basePlan, addresses: ['10.64.0.2/32'], fullTunnel: { ipv4: true, ipv6: false, fwmark: 51820, table: 51820 } };
    expect((await env.configurator().apply(plan)).ok).toBe(true);
    expect(env.runner.lines()).toEqual([
      'ip -json address show dev ferry0',
      'ip address add 10.64.0.2/32 dev ferry0',
      'ip link set dev ferry0 mtu 1420 up',
      ...FULL_V4_RULES,
      'nft -f -',
    ]);
    const nft = env.runner.calls.at(-1);
    expect(nft?.input).toBe(markFirewallScript('ferry0', 51820, [{ family: 4, text: '10.64.0.2/32', prefixLength: 32 }]));
    expect(nft?.input).toContain('meta l4proto udp meta mark 51820 ct mark set meta mark');
    expect(nft?.input).toContain('iifname != "ferry0" ip daddr 10.64.0.2 fib saddr type != local drop');
    expect(await fs.readFile(env.srcValidMarkPath, 'utf8')).toBe('1\n');
    const journal = await readJournalFile(env.stateDir);
    expect(journal).toContainEqual(expect.objectContaining({ change: { kind: 'sysctl', key: 'net.ipv4.conf.all.src_valid_mark', previousValue: '0' } }));
    expect(journal).toContainEqual(expect.objectContaining({ change: { kind: 'nft-table', family: 'inet', name: 'ferry-mark-ferry0' } }));
  });

  it('full tunnel v4+v6 with non-default routes: both families, v6 guarded in preraw too', async () => {
    const plan: TunnelNetworkPlan = {
      ...basePlan,
      routes: ['10.99.0.0/16'],
      fullTunnel: { ipv4: true, ipv6: true, fwmark: 51821, table: 51822 },
    };
    expect((await env.configurator().apply(plan)).ok).toBe(true);
    const renumber = (line: string): string => line.replace('fwmark 51820', 'fwmark 51821').replace(/table 51820/, 'table 51822');
    expect(env.runner.lines()).toEqual([
      'ip -json address show dev ferry0',
      'ip address add 10.64.0.2/32 dev ferry0',
      'ip address add fd00:64::2/128 dev ferry0',
      'ip link set dev ferry0 mtu 1420 up',
      'ip -json -4 route show dev ferry0 match 10.99.0.0/16',
      'ip -4 route add 10.99.0.0/16 dev ferry0',
      ...FULL_V4_RULES.map(renumber),
      ...FULL_V6_RULES.map(renumber),
      'nft -f -',
    ]);
    const script = env.runner.calls.at(-1)?.input ?? '';
    expect(script).toContain('iifname != "ferry0" ip6 daddr fd00:64::2 fib saddr type != local drop');
    expect(script).toContain('meta l4proto udp ct mark 51821 meta mark set ct mark');
  });

  it('leaves addresses already on the link alone and skips MTU when it already matches', async () => {
    env.runner.on('ip -json address show dev ferry0', {
      stdout: JSON.stringify([{ ifname: 'ferry0', mtu: 1420, flags: ['UP'], addr_info: [{ family: 'inet', local: '10.64.0.2', prefixlen: 32 }] }]),
    });
    expect((await env.configurator().apply({ ...basePlan, addresses: ['10.64.0.2'] })).ok).toBe(true);
    expect(env.runner.lines()).toEqual(['ip -json address show dev ferry0']);
    expect(await readJournalFile(env.stateDir)).toBeNull();
  });

  it('failure midway: undoes everything done so far, newest first, and returns SYSTEM_ERROR', async () => {
    env.runner.fail('ip -4 route add 0.0.0.0/0 dev ferry0 table 51820', 'RTNETLINK answers: Operation not permitted');
    env.runner.fail('ip -4 route del 0.0.0.0/0 dev ferry0 table 51820', 'RTNETLINK answers: No such process');
    const plan: TunnelNetworkPlan = {
      ...basePlan,
      fullTunnel: { ipv4: true, ipv6: true, fwmark: 51820, table: 51820 },
      dns: { servers: ['10.64.0.1'], search: [] },
    };
    const result = await env.configurator().apply(plan);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'SYSTEM_ERROR',
        message: expect.stringContaining('Operation not permitted'),
        details: {
          command: 'ip -4 route add 0.0.0.0/0 dev ferry0 table 51820',
          exitCode: 2,
          stderr: 'RTNETLINK answers: Operation not permitted',
          rolledBack: true,
        },
      },
    });
    expect(env.runner.lines({ withoutReads: true })).toEqual([
      'ip address add 10.64.0.2/32 dev ferry0',
      'ip address add fd00:64::2/128 dev ferry0',
      'ip link set dev ferry0 mtu 1420 up',
      'ip -4 rule add not fwmark 51820 table 51820 priority 32765',
      'ip -4 rule add table main suppress_prefixlength 0 priority 32764',
      'ip -4 route add 0.0.0.0/0 dev ferry0 table 51820',
      'ip -4 route del 0.0.0.0/0 dev ferry0 table 51820',
      'ip -4 rule del priority 32764 table main suppress_prefixlength 0',
      'ip -4 rule del priority 32765 not fwmark 51820 table 51820',
      'ip link set dev ferry0 mtu 1500 down',
      'ip -6 address del fd00:64::2/128 dev ferry0',
      'ip -4 address del 10.64.0.2/32 dev ferry0',
    ]);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
    expect(await fs.readFile(env.srcValidMarkPath, 'utf8')).toBe('0\n');
    expect(await readJournalFile(env.stateDir)).toBeNull();
  });

  it('an object that already exists is not journaled, so the rollback does not delete it', async () => {
    env.runner.fail('ip -4 route add 10.99.0.0/16 dev ferry0', 'RTNETLINK answers: File exists');
    const result = await env.configurator().apply({ ...basePlan, addresses: [], routes: ['10.99.0.0/16'] });
    expect(result.ok).toBe(false);
    expect(env.runner.lines({ withoutReads: true })).toEqual([
      'ip link set dev ferry0 mtu 1420 up',
      'ip -4 route add 10.99.0.0/16 dev ferry0',
      'ip link set dev ferry0 mtu 1500 down',
    ]);
  });

  it('a batch that stops midway: the steps never made leave the journal, the ones made are undone', async () => {
    env.runner.fail('ip address add fd00:64::2/128 dev ferry0', 'Error: ipv6: address already assigned.');
    const result = await env.configurator().apply(basePlan);
    expect(result.ok || result.error.details).toMatchObject({ command: 'ip -6 address add fd00:64::2/128 dev ferry0', rolledBack: true });
    expect(env.runner.lines({ withoutReads: true })).toEqual([
      'ip address add 10.64.0.2/32 dev ferry0',
      'ip address add fd00:64::2/128 dev ferry0',
      'ip -4 address del 10.64.0.2/32 dev ferry0',
    ]);
    expect(await readJournalFile(env.stateDir)).toBeNull();
  });

  it('a missing interface is a SYSTEM_ERROR with nothing changed', async () => {
    env.runner.fail('ip -json address show dev ferry0', 'Device "ferry0" does not exist.');
    const result = await env.configurator().apply(basePlan);
    expect(result.ok || result.error.message).toContain('ferry0 does not exist');
    expect(env.runner.lines()).toEqual(['ip -json address show dev ferry0']);
  });

  it.each([
    [{ interfaceName: 'ferry0; rm -rf /' }, 'interface name'],
    [{ addresses: ['10.0.0.300/32'] }, 'address'],
    [{ routes: ['0.0.0.0/0'] }, 'fullTunnel'],
    [{ routes: ['10.0.0.0/33'] }, 'prefix length'],
    [{ mtuBytes: 70_000 }, 'MTU'],
    [{ dns: { servers: ['resolver.example'], search: [] } }, 'DNS server'],
    [{ dns: { servers: ['10.0.0.1'], search: ['-x'] } }, 'search domain'],
    [{ fullTunnel: { ipv4: true, ipv6: false, fwmark: 51820, table: 254 } }, 'table 254'],
  ] as [Partial<TunnelNetworkPlan>, string][])('refuses an invalid plan (%j) before running anything', async (change, problem) => {
    const result = await env.configurator().apply({ ...basePlan, ...change });
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.message).toContain(problem);
    expect(env.runner.calls).toEqual([]);
  });

  it('a second apply first undoes the first one', async () => {
    const configurator = env.configurator();
    await configurator.apply({ ...basePlan, addresses: ['10.64.0.2/32'] });
    env.runner.clear();
    await configurator.apply({ ...basePlan, addresses: ['10.64.0.3/32'] });
    expect(env.runner.lines({ withoutReads: true })).toEqual([
      'ip link set dev ferry0 mtu 1500 down',
      'ip -4 address del 10.64.0.2/32 dev ferry0',
      'ip address add 10.64.0.3/32 dev ferry0',
      'ip link set dev ferry0 mtu 1420 up',
    ]);
  });
});
