// Ferry's cgroups for split tunnelling (`ferry-exclude/<group>`, `ferry-include/<group>`): made and removed through the journal, processes carried or released.
import path from 'node:path';
import type { CgroupFs } from '../split/cgroup-fs.js';
import type { SystemChange } from './journal.js';
import type { LinuxContext } from './linux-context.js';

type CgroupChange = Extract<SystemChange, { kind: 'cgroup' }>;

function journaledCgroups(context: LinuxContext, mountPoint: string): CgroupChange[] {
  return context.journal
    .entries()
    .flatMap((record) => (record.change.kind === 'cgroup' && record.change.mountPoint === mountPoint ? [record.change] : []));
}

/**
 * Makes each missing cgroup, parents first, journaling it before the mkdir. One that exists is adopted, not
 * recreated (its sockets stay matched); one the journal knows but a reboot removed is made again.
 */
export async function ensureCgroups(context: LinuxContext, cgroups: CgroupFs, mountPoint: string, relativePaths: string[]): Promise<void> {
  const known = new Set(journaledCgroups(context, mountPoint).map((change) => change.relativePath));
  for (const relativePath of relativePaths) {
    if (!known.has(relativePath)) await context.journal.record({ kind: 'cgroup', mountPoint, relativePath });
    cgroups.create(path.join(mountPoint, relativePath));
  }
}

/** Moves every process of `dir` to `target`; the ones that exited meanwhile are simply gone. */
export function moveAll(cgroups: CgroupFs, dir: string, target: string): void {
  for (const pid of cgroups.pids(dir)) {
    const outcome = cgroups.move(target, pid);
    if (typeof outcome === 'object') throw new Error(`could not move process ${pid} out of ${dir}: ${outcome.error}`);
  }
}

/** Empties `dir` and everything below it into `target`, then removes it, children first. */
export function removeTree(cgroups: CgroupFs, dir: string, target: string): void {
  if (!cgroups.exists(dir)) return;
  for (const child of cgroups.children(dir)) removeTree(cgroups, path.join(dir, child), target);
  moveAll(cgroups, dir, target);
  cgroups.remove(dir);
}

/**
 * Removes the journaled cgroups not in `keep`, deepest first. A group's processes move to `carryTo(group)` (the
 * group of the same name under the new mode's parent) or else to the hierarchy root.
 */
export async function pruneCgroups(
  context: LinuxContext,
  cgroups: CgroupFs,
  keep: ReadonlySet<string>,
  carryTo: (group: string) => string | null,
): Promise<void> {
  const records = context.journal.entries().filter((record) => record.change.kind === 'cgroup' && !keep.has(record.change.relativePath));
  const depth = (record: (typeof records)[number]): number => (record.change as CgroupChange).relativePath.split('/').length;
  for (const record of [...records].sort((a, b) => depth(b) - depth(a))) {
    const change = record.change as CgroupChange;
    const dir = path.join(change.mountPoint, change.relativePath);
    const group = change.relativePath.includes('/') ? path.basename(change.relativePath) : null;
    const target = (group === null ? null : carryTo(group)) ?? change.mountPoint;
    removeTree(cgroups, dir, target);
    await context.journal.forget(record);
  }
}

/** Journal undo: whatever is still inside goes to the hierarchy root, then the cgroup goes. */
export function undoCgroup(cgroups: CgroupFs, change: CgroupChange): void {
  removeTree(cgroups, path.join(change.mountPoint, change.relativePath), change.mountPoint);
}
