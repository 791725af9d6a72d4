// Moves processes into Ferry's split cgroups and back to where they came from (their origin cgroup, else the hierarchy root).
import path from 'node:path';
import type { SplitTunnelApplied } from '../platform/split-tunnel.js';
import type { CgroupFs, MoveOutcome } from './cgroup-fs.js';
import type { ProcFs } from './proc-fs.js';

/**
 * Origins are remembered in memory only: a process released after a ferryd restart goes to the root cgroup.
 * Putting processes back matters on systemd hosts, where the origin is the app's own scope or service.
 */
export class CgroupMover {
  private origins = new Map<number, string>();
  private layout: SplitTunnelApplied | null = null;
  /** cgroup path as /proc/PID/cgroup shows it (`/ferry-exclude/r-…`) → group. */
  private groupByCgroupPath = new Map<string, string>();

  constructor(private readonly cgroups: CgroupFs, private readonly procfs: ProcFs) {}

  setLayout(layout: SplitTunnelApplied | null): void {
    this.layout = layout;
    const entries = Object.entries(layout?.groupDirs ?? {}).map(([group, dir]) => [`/${path.relative(layout?.mountPoint ?? '/', dir)}`, group] as const);
    this.groupByCgroupPath = new Map(entries);
  }

  groupDir(group: string): string | null {
    return this.layout?.groupDirs[group] ?? null;
  }

  /** The group `pid` is in now, or null (not ours, or gone). */
  groupOf(pid: number): string | null {
    const cgroup = this.procfs.cgroup(pid);
    return cgroup === null ? null : (this.groupByCgroupPath.get(cgroup) ?? null);
  }

  moveIn(pid: number, group: string): MoveOutcome {
    const dir = this.groupDir(group);
    if (dir === null) return { error: `no cgroup for group ${group}` };
    const origin = this.procfs.cgroup(pid);
    if (origin !== null && !this.groupByCgroupPath.has(origin) && !this.origins.has(pid)) this.origins.set(pid, origin);
    return this.cgroups.move(dir, pid);
  }

  /** Back to its origin, its parent's origin (a child forked inside), or the root, whichever still exists. */
  moveOut(pid: number): MoveOutcome {
    const mountPoint = this.layout?.mountPoint;
    if (mountPoint === undefined) return { error: 'split tunnelling is not applied' };
    const parent = this.procfs.status(pid)?.ppid;
    const origin = this.origins.get(pid) ?? (parent === undefined ? undefined : this.origins.get(parent));
    this.origins.delete(pid);
    const originDir = origin === undefined ? null : path.join(mountPoint, origin);
    if (originDir !== null && this.cgroups.exists(originDir)) {
      const outcome = this.cgroups.move(originDir, pid);
      // Refused e.g. when the origin gained child cgroups with controllers (no internal processes): the root takes it.
      if (typeof outcome !== 'object') return outcome;
    }
    return this.cgroups.move(mountPoint, pid);
  }

  /** Releases every process of a group (before its rule goes). */
  releaseGroup(group: string): void {
    const dir = this.groupDir(group);
    if (dir === null || !this.cgroups.exists(dir)) return;
    for (const pid of this.cgroups.pids(dir)) this.moveOut(pid);
  }

  releaseAll(): void {
    for (const group of Object.keys(this.layout?.groupDirs ?? {})) this.releaseGroup(group);
    this.origins.clear();
  }

  pidsOf(group: string): number[] {
    const dir = this.groupDir(group);
    return dir !== null && this.cgroups.exists(dir) ? this.cgroups.pids(dir) : [];
  }
}
