// Child process of network.linux.real.test.ts, run as `ip netns exec NS node --import tsx …`: applies, reverts or recovers a plan and prints snapshots.
import { execFileSync } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { systemClock } from '../time/clock.js';
import { createExecFileRunner } from './command-runner.js';
import { createPlatform } from './platform.js';
import type { TunnelNetworkPlan } from './network.js';

export type ChildMode = 'apply-revert' | 'apply-then-hang' | 'recover';

export interface SystemSnapshot {
  addresses: unknown;
  rules4: unknown;
  rules6: unknown;
  routes4: unknown;
  routes6: unknown;
  nft: unknown;
  srcValidMark: string;
  resolvConf: string;
}

function json(file: string, args: string[]): unknown {
  return JSON.parse(execFileSync(file, args, { encoding: 'utf8' }));
}

export function snapshot(resolvConfPath: string): SystemSnapshot {
  return {
    addresses: json('ip', ['-json', 'address']),
    rules4: json('ip', ['-json', '-4', 'rule']),
    rules6: json('ip', ['-json', '-6', 'rule']),
    routes4: json('ip', ['-json', '-4', 'route', 'show', 'table', 'all']),
    routes6: json('ip', ['-json', '-6', 'route', 'show', 'table', 'all']),
    nft: json('nft', ['-j', 'list', 'ruleset']),
    srcValidMark: readFileSync('/proc/sys/net/ipv4/conf/all/src_valid_mark', 'utf8').trim(),
    resolvConf: readFileSync(resolvConfPath, 'utf8'),
  };
}

/** Refuses to touch anything unless this process really is inside a ferry-plat-… namespace of its own. */
function assertInsideTestNamespace(): void {
  const name = execFileSync('ip', ['netns', 'identify', String(process.pid)], { encoding: 'utf8' }).trim();
  const own = readlinkSync('/proc/self/ns/net');
  const parent = readlinkSync(`/proc/${process.ppid}/ns/net`);
  if (!name.startsWith('ferry-plat-') || own === parent) {
    process.stderr.write(`refusing to run outside a ferry-plat- namespace (in "${name}", ${own})\n`);
    process.exit(3);
  }
}

function print(stage: string, data: object): void {
  process.stdout.write(`${JSON.stringify({ stage, ...data })}\n`);
}

async function main(): Promise<void> {
  const [mode, stateDir, resolvConfPath, bindSource] = process.argv.slice(2) as [ChildMode, string, string, string];
  assertInsideTestNamespace();
  // ip netns exec gave us a private mount namespace: this bind mount dies with the process, like /etc/netns/NS/resolv.conf.
  execFileSync('mount', ['--bind', bindSource, resolvConfPath]);
  const runner = createExecFileRunner();
  const platform = createPlatform({ runner, stateDir, clock: systemClock, linux: { paths: { resolvConf: resolvConfPath }, dnsBackend: 'file' } });
  if (mode === 'recover') {
    const recovered = await platform.network.recover();
    print('recovered', { result: recovered, snapshot: snapshot(resolvConfPath) });
    return;
  }
  const before = snapshot(resolvConfPath);
  const table = await platform.chooseFwmarkTable();
  const plan: TunnelNetworkPlan = {
    interfaceName: 'ftun0',
    addresses: ['10.77.0.2/32', 'fd00:77::2/128'],
    mtuBytes: 1420,
    routes: ['10.78.0.0/16', 'fd00:78::/64'],
    fullTunnel: { ipv4: true, ipv6: true, fwmark: table, table },
    dns: { servers: ['10.77.0.1', 'fd00:77::1'], search: ['ferry.test'] },
  };
  const applied = await platform.network.apply(plan);
  print('applied', { table, result: applied, before, snapshot: snapshot(resolvConfPath) });
  if (mode === 'apply-then-hang') {
    setInterval(() => undefined, 60_000); // the test kills us with SIGKILL: a ferryd that died with the tunnel up
    return;
  }
  const reverted = await platform.network.revert();
  print('reverted', { result: reverted, snapshot: snapshot(resolvConfPath) });
}

await main();
