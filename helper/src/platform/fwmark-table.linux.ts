// Picks the fwmark/routing-table number for a full tunnel the wg-quick way: 51820 upward while that table has routes.
import type { CommandRunner } from './command-runner.js';
import { parseJsonArray } from './linux-context.js';

/** wg-quick's first choice (0xca6c). */
export const FIRST_FULL_TUNNEL_TABLE = 51820;
const MAX_TABLES_TRIED = 1000;

async function tableHasRoutes(runner: CommandRunner, family: '-4' | '-6', table: number): Promise<boolean> {
  // A table that was never used makes ip exit 2 ("FIB table does not exist"): empty, like wg-quick's 2>/dev/null.
  const result = await runner.run('ip', ['-json', family, 'route', 'show', 'table', String(table)], { allowFailure: true });
  return result.code === 0 && parseJsonArray(result.stdout).length > 0;
}

/**
 * The number to use as both the engine's socket fwmark and the tunnel's routing table: the first table
 * from 51820 up that has no IPv4 and no IPv6 routes (wireguard.md §5.1 step 1).
 */
export async function chooseFwmarkTable(runner: CommandRunner, firstTable = FIRST_FULL_TUNNEL_TABLE): Promise<number> {
  for (let table = firstTable; table < firstTable + MAX_TABLES_TRIED; table++) {
    // Both families at once: two reads side by side cost about one (this runs on every connect).
    const used = await Promise.all([tableHasRoutes(runner, '-4', table), tableHasRoutes(runner, '-6', table)]);
    if (!used.includes(true)) return table;
  }
  throw new Error(`routing tables ${firstTable}–${firstTable + MAX_TABLES_TRIED - 1} are all in use`);
}
