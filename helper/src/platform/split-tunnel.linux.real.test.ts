// LinuxSplitTunnel against a real kernel (root): namespaces entered with nsenter, a wg-quick-like full tunnel, strict rp_filter, real cgroups named ferry-test-<random>.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCgroup2Mount } from '../split/cgroup-mount.js';
import { systemClock } from '../time/clock.js';
import { LinuxSplitTunnel } from './split-tunnel.linux.js';
import { chainCounters, inNamespace, namespacedRunner, randomSuffix, removeCgroupTree, startEcho, startSender, withNamespaces, type Sender } from './split-real-support.js';
import type { SplitTunnelConfig } from './split-tunnel.js';

const TARGETS: [string, string][] = [['udp4', '203.0.113.7'], ['udp6', '2001:db8::7']];
const GROUP = 'r-7e57000001';
const ZERO = { tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 0, directRxBytes: 0 };

/**
 * The client: veth0 is its physical link to the network namespace, ftun0 a tunnel with wg-quick's rules, strict
 * rp_filter with src_valid_mark as wg-quick leaves it. The network: the far end of veth0 and, on its loopback,
 * the "internet" host 203.0.113.7 / 2001:db8::7 that echoes UDP.
 */
function setUpCommands(network: string): { client: string[][]; network: string[][] } {
  return {
    client: [
      ['ip', 'link', 'set', 'lo', 'up'],
      ['ip', 'link', 'add', 'veth0', 'type', 'veth', 'peer', 'name', 'veth1', 'netns', network],
      ['ip', 'link', 'set', 'veth0', 'up'],
      ['ip', 'address', 'add', '10.99.0.1/24', 'dev', 'veth0'],
      ['ip', '-6', 'address', 'add', 'fd00:99::1/64', 'dev', 'veth0', 'nodad'],
      ['ip', 'route', 'add', 'default', 'via', '10.99.0.2'],
      ['ip', '-6', 'route', 'add', 'default', 'via', 'fd00:99::2'],
      ['ip', 'tuntap', 'add', 'dev', 'ftun0', 'mode', 'tun'],
      ['ip', 'link', 'set', 'ftun0', 'up'],
      ['ip', 'address', 'add', '10.98.0.2/32', 'dev', 'ftun0'],
      ['ip', '-6', 'address', 'add', 'fd00:98::2/128', 'dev', 'ftun0', 'nodad'],
      ...(['-4', '-6'] as const).flatMap((family) => [
        ['ip', family, 'route', 'add', 'default', 'dev', 'ftun0', 'table', '51820'],
        ['ip', family, 'rule', 'add', 'not', 'fwmark', '51820', 'table', '51820'],
        ['ip', family, 'rule', 'add', 'table', 'main', 'suppress_prefixlength', '0'],
      ]),
      ['sysctl', '-qw', 'net.ipv4.conf.all.rp_filter=1', 'net.ipv4.conf.veth0.rp_filter=1', 'net.ipv4.conf.all.src_valid_mark=1'],
      ['nft', '-f', '-'],
    ],
    network: [
      ['ip', 'link', 'set', 'lo', 'up'],
      ['ip', 'link', 'set', 'veth1', 'up'],
      ['ip', 'address', 'add', '10.99.0.2/24', 'dev', 'veth1'],
      ['ip', '-6', 'address', 'add', 'fd00:99::2/64', 'dev', 'veth1', 'nodad'],
      ['ip', 'address', 'add', '203.0.113.7/32', 'dev', 'lo'],
      ['ip', '-6', 'address', 'add', '2001:db8::7/128', 'dev', 'lo'],
    ],
  };
}

/** Our own probe, after NAT: which source addresses leave by which interface. */
const PROBE = `table inet probe {
  chain post {
    type filter hook postrouting priority 300; policy accept;
    oifname "veth0" ip saddr 10.98.0.2 counter
    oifname "veth0" ip6 saddr fd00:98::2 counter
    oifname "veth0" ip saddr 10.99.0.1 udp dport 9999 counter
    oifname "veth0" ip6 saddr fd00:99::1 udp dport 9999 counter
    oifname "ftun0" ip saddr 10.98.0.2 udp dport 9999 counter
    oifname "ftun0" ip6 saddr fd00:98::2 udp dport 9999 counter
  }
}
`;

interface Probe {
  leakV4: number;
  leakV6: number;
  directV4: number;
  directV6: number;
  tunnelV4: number;
  tunnelV6: number;
}

async function probe(namespace: string): Promise<Probe> {
  const [leakV4 = -1, leakV6 = -1, directV4 = -1, directV6 = -1, tunnelV4 = -1, tunnelV6 = -1] = await chainCounters(namespace, 'probe', 'post');
  return { leakV4, leakV6, directV4, directV6, tunnelV4, tunnelV6 };
}

async function setUpNamespaces(client: string, network: string): Promise<void> {
  const commands = setUpCommands(network);
  for (const [namespace, list] of [[client, commands.client], [network, commands.network]] as const) {
    const runner = namespacedRunner(namespace);
    for (const [file, ...args] of list) await runner.run(file ?? '', args, file === 'nft' ? { input: PROBE } : {});
  }
}

async function sendFrom(sender: Sender): Promise<number> {
  try {
    return await sender.send();
  } finally {
    sender.kill();
  }
}

interface Outcome {
  caught: Probe;
  other: Probe;
  replies: { caught: number; other: number };
  counters: unknown;
  rules: string;
}

const minus = (a: Probe, b: Probe): Probe =>
  Object.fromEntries(Object.entries(a).map(([key, value]) => [key, value - b[key as keyof Probe]])) as unknown as Probe;

/** `other` sends from outside Ferry's cgroups, then `caught` from inside the group (moved before it opens sockets). */
async function sendBoth(client: string, groupDir: string, direct: 'caught' | 'other', senders: Sender[]): Promise<Omit<Outcome, 'counters' | 'rules'>> {
  const other = startSender(client, TARGETS, direct === 'other' ? 6 : 0);
  senders.push(other);
  const otherReplies = await sendFrom(other);
  const afterOther = await probe(client);
  const caught = startSender(client, TARGETS, direct === 'caught' ? 6 : 0);
  senders.push(caught);
  await fs.writeFile(path.join(groupDir, 'cgroup.procs'), String(caught.pid));
  const caughtReplies = await sendFrom(caught);
  return { other: afterOther, caught: minus(await probe(client), afterOther), replies: { caught: caughtReplies, other: otherReplies } };
}

/** Applies `mode` in fresh namespaces, sends, checks, removes it all again and checks nothing is left. */
async function scenario(mode: SplitTunnelConfig['mode'], check: (outcome: Outcome) => void): Promise<void> {
  const mount = findCgroup2Mount(await fs.readFile('/proc/self/mountinfo', 'utf8'));
  if (!mount.ok) throw new Error(mount.error.message);
  const parent = `ferry-test-${randomSuffix()}`;
  const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-split-real-'));
  const senders: Sender[] = [];
  try {
    await withNamespaces(async (client, network) => {
      await setUpNamespaces(client, network);
      const echo = await startEcho(network, TARGETS);
      senders.push({ pid: -1, send: async () => 0, kill: echo.kill });
      const split = new LinuxSplitTunnel({ runner: namespacedRunner(client), stateDir, clock: systemClock, parentCgroupName: () => parent });
      const config: SplitTunnelConfig = { mode, groups: [GROUP, 'manual'], tunnel: { interfaceName: 'ftun0', dnsServers: [] } };
      await split.set(config);
      const applied = await split.set(config); // idempotent: cgroups adopted, one rule per family kept
      if (!applied.ok || applied.value === null) throw new Error(`apply failed: ${JSON.stringify(applied)}`);
      const sent = await sendBoth(client, applied.value.groupDirs[GROUP] ?? '', mode === 'exclude' ? 'caught' : 'other', senders);
      const counters = await split.counters();
      const rules = (await inNamespace(client, 'ip', '-4', 'rule')) + (await inNamespace(client, 'ip', '-6', 'rule'));
      check({ ...sent, counters: counters.ok ? counters.value : counters, rules });
      expect(await split.set(null)).toEqual({ ok: true, value: null });
      expect(await inNamespace(client, 'nft', 'list', 'tables')).toBe('table inet probe\n');
      expect((await inNamespace(client, 'ip', 'rule')) + (await inNamespace(client, 'ip', '-6', 'rule'))).not.toContain('0x46520000');
      await expect(fs.access(path.join(mount.value.mountPoint, parent))).rejects.toThrow();
    });
  } finally {
    for (const sender of senders) sender.kill();
    try {
      removeCgroupTree(path.join(mount.value.mountPoint, parent), mount.value.mountPoint);
    } finally {
      await fs.rm(stateDir, { recursive: true, force: true });
    }
  }
}

const BYTES_3V4_3V6 = 3 * 128 + 3 * 148;

describe('LinuxSplitTunnel in real namespaces (strict rp_filter)', () => {
  it('exclude: the caught process goes direct, masqueraded, and gets its replies; the other’s packets use the tunnel', async () => {
    await scenario('exclude', ({ other, caught, replies, counters, rules }) => {
      expect(other).toMatchObject({ tunnelV4: 3, tunnelV6: 3, directV4: 0, directV6: 0 });
      expect(caught).toEqual({ leakV4: 0, leakV6: 0, directV4: 3, directV6: 3, tunnelV4: 0, tunnelV6: 0 });
      expect(replies).toEqual({ caught: 6, other: 0 });
      expect(counters).toEqual({ [GROUP]: { ...ZERO, directTxBytes: BYTES_3V4_3V6, directRxBytes: BYTES_3V4_3V6 }, manual: ZERO });
      expect(rules.match(/fwmark 0x46520000\/0xffff0000 lookup main/g)).toHaveLength(2);
      expect(rules).toContain('32763:\tfrom all fwmark 0x46520000/0xffff0000 lookup main');
    });
  });

  it('include: only the caught process uses the tunnel, with the tunnel address; the other goes direct and gets replies', async () => {
    await scenario('include', ({ other, caught, replies, counters, rules }) => {
      expect(other).toMatchObject({ directV4: 3, directV6: 3, tunnelV4: 0, tunnelV6: 0, leakV4: 0, leakV6: 0 });
      expect(caught).toEqual({ leakV4: 0, leakV6: 0, directV4: 0, directV6: 0, tunnelV4: 3, tunnelV6: 3 });
      expect(replies).toEqual({ caught: 0, other: 6 });
      expect(counters).toEqual({ [GROUP]: { ...ZERO, tunnelTxBytes: BYTES_3V4_3V6 }, manual: ZERO });
      expect(rules).toContain('32763:\tnot from all fwmark 0x46520000/0xffff0000 lookup main');
    });
  });
});
