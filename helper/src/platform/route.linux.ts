// Routes into the tunnel: AllowedIPs other than /0 in the main table, and the /0 in the tunnel's own table (wireguard.md §5.1).
import { runIpSteps } from './ip-batch.linux.js';
import type { SystemChange } from './journal.js';
import { familyFlag, parseJsonArray, recordThenRun, runUndo, type LinuxContext } from './linux-context.js';
import type { PlannedPrefix } from './plan-validation.js';

/** wg-quick's "skip if present": `ip route show dev IF match CIDR` lists routes on IF that cover the prefix. */
async function routeCovered(context: LinuxContext, interfaceName: string, route: PlannedPrefix): Promise<boolean> {
  const args = ['-json', familyFlag(route.family), 'route', 'show', 'dev', interfaceName, 'match', route.text];
  const result = await context.runner.run('ip', args);
  return parseJsonArray(result.stdout).length > 0;
}

/**
 * Adds each route (sorted longest prefix first, no duplicates) to the main table unless IF already covers it. The
 * checks run side by side before any add: a route can only be covered by one as long or shorter, so none of the
 * routes added here changes the answer for another.
 */
export async function addRoutes(context: LinuxContext, interfaceName: string, routes: PlannedPrefix[]): Promise<void> {
  const covered = await Promise.all(routes.map((route) => routeCovered(context, interfaceName, route)));
  const steps = routes
    .filter((_route, i) => !covered[i])
    .map((route) => ({
      change: { kind: 'route', interfaceName, family: route.family, destination: route.text, table: 'main' } satisfies SystemChange,
      args: [familyFlag(route.family), 'route', 'add', route.text, 'dev', interfaceName],
    }));
  await runIpSteps(context, steps);
}

export function defaultRouteOf(family: 4 | 6): string {
  return family === 4 ? '0.0.0.0/0' : '::/0';
}

/** `ip -4|-6 route add 0.0.0.0/0|::/0 dev IF table T` — added after the rules, as wg-quick does since 2022. */
export async function addDefaultRoute(context: LinuxContext, interfaceName: string, family: 4 | 6, table: number): Promise<void> {
  const destination = defaultRouteOf(family);
  const change: SystemChange = { kind: 'route', interfaceName, family, destination, table };
  await recordThenRun(context, change, () =>
    context.runner.run('ip', [familyFlag(family), 'route', 'add', destination, 'dev', interfaceName, 'table', String(table)]),
  );
}

/** Deletes exactly that route (destination, device, table); gone with the link counts as deleted. */
export async function undoRoute(context: LinuxContext, change: Extract<SystemChange, { kind: 'route' }>): Promise<void> {
  const args = [familyFlag(change.family), 'route', 'del', change.destination, 'dev', change.interfaceName];
  await runUndo(context, 'ip', change.table === 'main' ? args : [...args, 'table', String(change.table)]);
}
