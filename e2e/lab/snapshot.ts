// A comparable picture of a namespace's network state: addresses, rules, routes (both families), nftables, resolv.conf.
import { readFileSync } from 'node:fs';
import { run, runIn } from './exec.js';

export interface NetworkSnapshot {
  addresses: string;
  rules: string;
  routes: string;
  nftables: string;
  resolvConf: string;
}

/** Drops what changes without anyone changing the configuration: lifetimes, expiry timers, counters, route caches. */
export function normalizeNetworkText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*valid_lft \S+ preferred_lft \S+\s*$/.test(line))
    .filter((line) => !/^\s*cache\b/.test(line) && !/\bcache\b.*\bexpires\b/.test(line))
    .map((line) =>
      line
        .replace(/\s+expires \d+sec/g, '')
        .replace(/counter packets \d+ bytes \d+/g, 'counter')
        .replace(/packets \d+ bytes \d+/g, 'packets bytes')
        .trimEnd(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

async function both(ns: string, args: string[]): Promise<string> {
  const v4 = await run('ip', ['-n', ns, '-4', ...args]);
  const v6 = await run('ip', ['-n', ns, '-6', ...args]);
  return normalizeNetworkText(`${v4.stdout}\n${v6.stdout}`);
}

export async function snapshotNetwork(ns: string, resolvConfPath: string): Promise<NetworkSnapshot> {
  const nft = await runIn(ns, 'nft', ['list', 'ruleset']);
  return {
    addresses: await both(ns, ['addr', 'show']),
    rules: await both(ns, ['rule', 'show']),
    routes: await both(ns, ['route', 'show', 'table', 'all']),
    nftables: normalizeNetworkText(nft.stdout),
    resolvConf: readFileSync(resolvConfPath, 'utf8'),
  };
}
