// Finding cgroup v2 in mountinfo on hybrid, pure and v1-only hosts, and the nft paths and levels derived from it.
import { describe, expect, it } from 'vitest';
import { findCgroup2Mount, locateCgroup, parseMountInfoLine } from './cgroup-mount.js';

const HYBRID = [
  '23 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw',
  '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
  '32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
  '40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd',
  '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
].join('\n');
const PURE = [
  '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw',
  '35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot',
].join('\n');
const V1_ONLY = HYBRID.split('\n').slice(0, 4).join('\n');

describe('findCgroup2Mount', () => {
  it('finds the unified hierarchy of a hybrid host', () => {
    expect(findCgroup2Mount(HYBRID)).toEqual({ ok: true, value: { mountPoint: '/sys/fs/cgroup/unified', root: '/', nftPrefix: 'unified' } });
  });

  it('finds /sys/fs/cgroup on a pure v2 host', () => {
    expect(findCgroup2Mount(PURE)).toEqual({ ok: true, value: { mountPoint: '/sys/fs/cgroup', root: '/', nftPrefix: '' } });
  });

  it('says clearly when there is no cgroup v2', () => {
    for (const text of [V1_ONLY, '']) {
      expect(findCgroup2Mount(text)).toEqual({
        ok: false,
        error: {
          code: 'SYSTEM_ERROR',
          message: 'cgroup v2 is not mounted (no cgroup2 entry in /proc/self/mountinfo); per-app split tunnelling needs it',
          details: { reason: 'no-cgroup2' },
        },
      });
    }
  });

  it('refuses a cgroup2 mounted where nft cannot address it', () => {
    const result = findCgroup2Mount('50 1 0:40 / /mnt/cg2 rw - cgroup2 none rw');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('cgroup v2 is mounted at /mnt/cg2, outside /sys/fs/cgroup where nftables looks for cgroups');
      expect(result.error.details).toEqual({ reason: 'cgroup2-unreachable' });
    }
  });

  it('prefers the mount under /sys/fs/cgroup when there are several', () => {
    const text = `50 1 0:40 / /mnt/cg2 rw - cgroup2 none rw\n${HYBRID}`;
    expect(findCgroup2Mount(text).ok && findCgroup2Mount(text)).toMatchObject({ value: { mountPoint: '/sys/fs/cgroup/unified' } });
  });
});

describe('parseMountInfoLine', () => {
  it('reads past optional fields and unescapes octal', () => {
    expect(parseMountInfoLine('36 35 98:0 /a\\040b /mnt/x\\040y rw,noatime master:1 shared:2 - cgroup2 none rw')).toEqual({
      root: '/a b',
      mountPoint: '/mnt/x y',
      fsType: 'cgroup2',
    });
    expect(parseMountInfoLine('garbage')).toBeNull();
  });
});

describe('locateCgroup', () => {
  it('gives nft paths relative to /sys/fs/cgroup and levels from the root', () => {
    const hybrid = { mountPoint: '/sys/fs/cgroup/unified', root: '/', nftPrefix: 'unified' };
    const pure = { mountPoint: '/sys/fs/cgroup', root: '/', nftPrefix: '' };
    expect(locateCgroup(hybrid, 'ferry-exclude/r-0123456789')).toEqual({
      dir: '/sys/fs/cgroup/unified/ferry-exclude/r-0123456789',
      nftPath: 'unified/ferry-exclude/r-0123456789',
      level: 2,
    });
    expect(locateCgroup(pure, 'ferry-include')).toEqual({ dir: '/sys/fs/cgroup/ferry-include', nftPath: 'ferry-include', level: 1 });
  });

  it('counts the levels of a cgroup namespace root', () => {
    const namespaced = { mountPoint: '/sys/fs/cgroup', root: '/machine.slice/box', nftPrefix: '' };
    expect(locateCgroup(namespaced, 'ferry-exclude').level).toBe(3);
  });
});
