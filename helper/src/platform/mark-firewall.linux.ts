// Ferry's own nftables table for a full tunnel: wg-quick's preraw/premangle/postmangle rules, as one `nft -f -` transaction (wireguard.md §5.2).
import type { SystemChange } from './journal.js';
import { recordThenRun, runUndo, type LinuxContext } from './linux-context.js';
import type { PlannedPrefix } from './plan-validation.js';

export function markTableName(interfaceName: string): string {
  return `ferry-mark-${interfaceName}`;
}

/**
 * The whole table in one script, so nft applies it atomically. The leading `table …{}` + `delete table`
 * pair replaces a table left by a crash within the same transaction.
 * - preraw: packets for the tunnel address arriving on another interface from a non-local source are dropped.
 * - postmangle: the engine's UDP carries `fwmark`; copy it into conntrack.
 * - premangle: put it back on the replies, so rp_filter checks them against the marked route.
 * Unlike wg-quick, premangle only restores our own mark, so nobody else's packet marks are overwritten.
 */
export function markFirewallScript(interfaceName: string, fwmark: number, guardedAddresses: PlannedPrefix[]): string {
  const table = `inet ${markTableName(interfaceName)}`;
  const preraw = guardedAddresses.map((address) => {
    const ip = address.text.slice(0, address.text.lastIndexOf('/'));
    return `\t\tiifname != "${interfaceName}" ${address.family === 4 ? 'ip' : 'ip6'} daddr ${ip} fib saddr type != local drop\n`;
  });
  return [
    `table ${table} {}\n`,
    `delete table ${table}\n`,
    `table ${table} {\n`,
    '\tchain preraw {\n\t\ttype filter hook prerouting priority -300; policy accept;\n',
    ...preraw,
    '\t}\n',
    '\tchain premangle {\n\t\ttype filter hook prerouting priority -150; policy accept;\n',
    `\t\tmeta l4proto udp ct mark ${fwmark} meta mark set ct mark\n`,
    '\t}\n',
    '\tchain postmangle {\n\t\ttype filter hook postrouting priority -150; policy accept;\n',
    `\t\tmeta l4proto udp meta mark ${fwmark} ct mark set meta mark\n`,
    '\t}\n',
    '}\n',
  ].join('');
}

/** Creates the table; `guardedAddresses` are the tunnel addresses of the full-tunnel families. */
export async function addMarkFirewall(
  context: LinuxContext,
  interfaceName: string,
  fwmark: number,
  guardedAddresses: PlannedPrefix[],
): Promise<void> {
  const change: SystemChange = { kind: 'nft-table', family: 'inet', name: markTableName(interfaceName) };
  const script = markFirewallScript(interfaceName, fwmark, guardedAddresses);
  await recordThenRun(context, change, () => context.runner.run('nft', ['-f', '-'], { input: script }));
}

/** Deletes the whole table (only ever a ferry… table: the journal schema refuses other names). */
export async function undoNftTable(context: LinuxContext, change: Extract<SystemChange, { kind: 'nft-table' }>): Promise<void> {
  await runUndo(context, 'nft', ['delete', 'table', change.family, change.name]);
}
