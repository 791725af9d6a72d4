// Kill switch and lockdown steps through the ferry CLI: settings, the full status, Ferry's nft table and its drop counters.
import { statusSchema, type Status } from '../../shared/src/protocol/index.js';
import { runIn, waitFor } from './exec.js';
import { ferryOk } from './ferry-flow.js';
import type { Lab } from './lab.js';

/** `ferry settings set KEY VALUE`. */
export async function setSetting(lab: Lab, key: string, value: string): Promise<void> {
  await ferryOk(lab, ['settings', 'set', key, value]);
}

/** `ferry status --json`, the whole document, schema-checked. */
export async function fullStatus(lab: Lab): Promise<Status> {
  return statusSchema.parse(await lab.ferryJson<unknown>(['status']));
}

export async function waitForStatus(lab: Lab, what: string, accept: (status: Status) => boolean, timeoutMs: number): Promise<Status> {
  return waitFor(what, async () => {
    const status = await fullStatus(lab);
    return accept(status) ? status : undefined;
  }, timeoutMs, 200);
}

/** Whether the client namespace holds Ferry's kill switch / lockdown table `inet ferry`. */
export async function hasFerryTable(lab: Lab): Promise<boolean> {
  const { stdout } = await runIn(lab.ns('client'), 'nft', ['list', 'tables']);
  return stdout.split('\n').some((line) => line.trim() === 'table inet ferry');
}

export async function waitForFerryTable(lab: Lab, present: boolean, timeoutMs = 10_000): Promise<void> {
  await waitFor(`Ferry's table to be ${present ? 'present' : 'gone'}`, async () => ((await hasFerryTable(lab)) === present ? true : undefined), timeoutMs, 50);
}

/** Packets Ferry's own table dropped, by counter (dropped_output, dropped_dns…); empty when there is no table. */
export async function ferryDropCounters(lab: Lab): Promise<Record<string, number>> {
  const result = await runIn(lab.ns('client'), 'nft', ['-j', 'list', 'counters', 'table', 'inet', 'ferry'], { allowFailure: true });
  if (result.code !== 0) return {};
  const items = (JSON.parse(result.stdout) as { nftables: { counter?: { name: string; packets: number } }[] }).nftables;
  return Object.fromEntries(items.flatMap((item) => (item.counter ? [[item.counter.name, item.counter.packets]] : [])));
}
