// Finds the cgroup v2 hierarchy in /proc/self/mountinfo (proc(5)): /sys/fs/cgroup on pure hosts, /sys/fs/cgroup/unified on hybrid ones.
import path from 'node:path';
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';

/** nft resolves `socket cgroupv2` paths relative to this directory (nftables' src/datatype.c). */
export const NFT_CGROUP_BASE = '/sys/fs/cgroup';

export interface Cgroup2Mount {
  /** Where the hierarchy is mounted: /sys/fs/cgroup (pure v2) or /sys/fs/cgroup/unified (hybrid). */
  mountPoint: string;
  /** The cgroup shown as the mount's root: `/` unless ferryd runs inside a cgroup namespace. */
  root: string;
  /** The mount point relative to NFT_CGROUP_BASE: '' (pure) or 'unified' (hybrid). */
  nftPrefix: string;
}

interface MountEntry {
  root: string;
  mountPoint: string;
  fsType: string;
}

/** mountinfo escapes space, tab, newline and backslash as three octal digits. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** `id parent major:minor root mountpoint options [optional…] - fstype source superoptions` */
export function parseMountInfoLine(line: string): MountEntry | null {
  const fields = line.trim().split(' ');
  const separator = fields.indexOf('-', 6);
  const root = fields[3];
  const mountPoint = fields[4];
  const fsType = fields[separator + 1];
  if (separator < 0 || root === undefined || mountPoint === undefined || fsType === undefined) return null;
  return { root: unescapeMountField(root), mountPoint: unescapeMountField(mountPoint), fsType };
}

function nftPrefixOf(mountPoint: string): string | null {
  const relative = path.relative(NFT_CGROUP_BASE, mountPoint);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative;
}

/**
 * The cgroup2 mount nft can address (under /sys/fs/cgroup), preferring the shallowest. Errors carry
 * `details.reason`: `no-cgroup2` (v1 only, or nothing mounted) or `cgroup2-unreachable` (mounted elsewhere).
 */
export function findCgroup2Mount(mountInfo: string): FerryResult<Cgroup2Mount> {
  const mounts = mountInfo
    .split('\n')
    .map(parseMountInfoLine)
    .filter((entry): entry is MountEntry => entry !== null && entry.fsType === 'cgroup2');
  if (mounts.length === 0) {
    return fail('SYSTEM_ERROR', 'cgroup v2 is not mounted (no cgroup2 entry in /proc/self/mountinfo); per-app split tunnelling needs it', {
      reason: 'no-cgroup2',
    });
  }
  const reachable = mounts
    .map((entry) => ({ ...entry, nftPrefix: nftPrefixOf(entry.mountPoint) }))
    .filter((entry): entry is MountEntry & { nftPrefix: string } => entry.nftPrefix !== null)
    .sort((a, b) => a.mountPoint.length - b.mountPoint.length);
  const best = reachable[0];
  if (!best) {
    const where = mounts.map((entry) => entry.mountPoint).join(', ');
    return fail('SYSTEM_ERROR', `cgroup v2 is mounted at ${where}, outside ${NFT_CGROUP_BASE} where nftables looks for cgroups`, {
      reason: 'cgroup2-unreachable',
    });
  }
  return ok({ mountPoint: best.mountPoint, root: best.root, nftPrefix: best.nftPrefix });
}

/** A cgroup below the mount, named by its path relative to the mount (`ferry-exclude/r-…`). */
export interface CgroupLocation {
  /** The directory to write cgroup.procs in. */
  dir: string;
  /** The path for `socket cgroupv2 level N "<path>"`. */
  nftPath: string;
  /** Depth from the hierarchy's real root, which is what the kernel compares (nft_socket.c). */
  level: number;
}

export function locateCgroup(mount: Cgroup2Mount, relativePath: string): CgroupLocation {
  const segments = (text: string): string[] => text.split('/').filter((part) => part !== '');
  const rootDepth = mount.root.includes('..') ? 0 : segments(mount.root).length;
  return {
    dir: path.join(mount.mountPoint, relativePath),
    nftPath: path.posix.join(mount.nftPrefix, relativePath),
    level: rootDepth + segments(relativePath).length,
  };
}
