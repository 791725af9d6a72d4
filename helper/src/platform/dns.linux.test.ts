// DNS backends: systemd-resolved and resolvconf command lists, and the resolv.conf file rewrite (rename, in place, symlink, absent).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeProbe, makeLinuxTestEnv, ORIGINAL_RESOLV_CONF, readJournalFile, type LinuxTestEnv } from './linux-test-helpers.js';
import type { TunnelNetworkPlan } from './network.js';

let env: LinuxTestEnv;
beforeEach(async () => {
  env = await makeLinuxTestEnv();
  // Only the DNS commands matter here.
  env.runner.on('ip -json address show dev ferry0', { stdout: '[{"ifname":"ferry0","mtu":1420,"flags":["UP"],"addr_info":[]}]' });
});
afterEach(async () => {
  await env.cleanup();
});

const plan: TunnelNetworkPlan = {
  interfaceName: 'ferry0',
  addresses: [],
  mtuBytes: 1420,
  routes: [],
  fullTunnel: null,
  dns: { servers: ['10.64.0.1', 'FD00:64:0::1'], search: ['corp.example', 'lab.example'] },
};

const TUNNEL_RESOLV_CONF =
  '# Written by ferryd for ferry0; the previous file comes back when the tunnel goes down.\n' +
  'nameserver 10.64.0.1\nnameserver fd00:64::1\nsearch corp.example lab.example\n';

describe('DNS through systemd-resolved', () => {
  it('is chosen when resolvectl exists and resolved runs; sets per-link servers and ~., reverts the link', async () => {
    const probe = fakeProbe({ commands: { resolvectl: '/usr/bin/resolvectl' }, existingPaths: [env.paths.systemdResolveDir] });
    const configurator = env.configurator({ probe });
    expect((await configurator.apply(plan)).ok).toBe(true);
    expect((await configurator.revert()).ok).toBe(true);
    expect(env.runner.lines({ withoutReads: true })).toEqual([
      'resolvectl dns ferry0 10.64.0.1 fd00:64::1',
      'resolvectl domain ferry0 ~. corp.example lab.example',
      'resolvectl revert ferry0',
    ]);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
  });

  it('is not chosen when resolvectl exists but resolved is not running', async () => {
    const configurator = env.configurator({ probe: fakeProbe({ commands: { resolvectl: '/usr/bin/resolvectl' } }) });
    expect((await configurator.apply(plan)).ok).toBe(true);
    expect(env.runner.lines({ withoutReads: true })).toEqual([]);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(TUNNEL_RESOLV_CONF);
  });
});

describe('DNS through resolvconf', () => {
  it('feeds wg-quick\'s records on stdin, named with the interface-order prefix, and deletes them on revert', async () => {
    await fs.mkdir(path.dirname(env.paths.resolvconfInterfaceOrder), { recursive: true });
    await fs.writeFile(env.paths.resolvconfInterfaceOrder, 'lo.inet6\nlo.inet\ntun*\ntap*\n');
    const configurator = env.configurator({ probe: fakeProbe({ commands: { resolvconf: '/sbin/resolvconf' } }) });
    expect((await configurator.apply(plan)).ok).toBe(true);
    expect((await configurator.revert()).ok).toBe(true);
    expect(env.runner.lines({ withoutReads: true })).toEqual(['resolvconf -a tun.ferry0 -m 0 -x', 'resolvconf -d tun.ferry0 -f']);
    expect(env.runner.calls.find((call) => call.args[0] === '-a')?.input).toBe(
      'nameserver 10.64.0.1\nnameserver fd00:64::1\nsearch corp.example lab.example\n',
    );
  });

  it('uses the bare interface name when resolvconf is systemd\'s shim (a symlink)', async () => {
    await fs.mkdir(path.dirname(env.paths.resolvconfInterfaceOrder), { recursive: true });
    await fs.writeFile(env.paths.resolvconfInterfaceOrder, 'tun*\n');
    const probe = fakeProbe({ commands: { resolvconf: '/sbin/resolvconf' }, symlinks: ['/sbin/resolvconf'] });
    expect((await env.configurator({ probe }).apply(plan)).ok).toBe(true);
    expect(env.runner.lines({ withoutReads: true })).toEqual(['resolvconf -a ferry0 -m 0 -x']);
  });
});

describe('DNS by rewriting resolv.conf', () => {
  it('renames a new file over a plain file (same mode) and restores the exact bytes on revert', async () => {
    await fs.chmod(env.paths.resolvConf, 0o640);
    const inodeBefore = (await fs.stat(env.paths.resolvConf)).ino;
    const configurator = env.configurator();
    expect((await configurator.apply(plan)).ok).toBe(true);
    const applied = await fs.stat(env.paths.resolvConf);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(TUNNEL_RESOLV_CONF);
    expect(applied.ino).not.toBe(inodeBefore);
    expect(applied.mode & 0o777).toBe(0o640);
    expect(await fs.readFile(path.join(env.stateDir, 'resolv.conf.backup'), 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
    expect(await readJournalFile(env.stateDir)).toContainEqual(
      expect.objectContaining({
        change: { kind: 'dns', backend: 'file', path: env.paths.resolvConf, backupPath: path.join(env.stateDir, 'resolv.conf.backup'), existed: true },
      }),
    );
    expect((await configurator.revert()).ok).toBe(true);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
    expect((await fs.stat(env.paths.resolvConf)).mode & 0o777).toBe(0o640);
    await expect(fs.access(path.join(env.stateDir, 'resolv.conf.backup'))).rejects.toThrow();
    expect(env.runner.lines({ withoutReads: true })).toEqual([]);
  });

  it('writes in place (same inode) when resolv.conf is a mount point, as under ip netns exec', async () => {
    const escaped = env.paths.resolvConf.replace(/ /g, '\\040');
    await fs.appendFile(env.paths.mountInfo, `600 22 8:1 /etc/netns/x/resolv.conf ${escaped} rw,relatime - ext4 /dev/vda rw\n`);
    const inodeBefore = (await fs.stat(env.paths.resolvConf)).ino;
    const configurator = env.configurator();
    expect((await configurator.apply(plan)).ok).toBe(true);
    expect((await fs.stat(env.paths.resolvConf)).ino).toBe(inodeBefore);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(TUNNEL_RESOLV_CONF);
    expect((await configurator.revert()).ok).toBe(true);
    expect((await fs.stat(env.paths.resolvConf)).ino).toBe(inodeBefore);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
  });

  it('writes through a symlink and keeps the link', async () => {
    const target = path.join(env.directory, 'run', 'stub-resolv.conf');
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(env.paths.resolvConf, target);
    await fs.symlink(target, env.paths.resolvConf);
    const configurator = env.configurator();
    expect((await configurator.apply(plan)).ok).toBe(true);
    expect((await fs.lstat(env.paths.resolvConf)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe(TUNNEL_RESOLV_CONF);
    expect((await configurator.revert()).ok).toBe(true);
    expect(await fs.readlink(env.paths.resolvConf)).toBe(target);
    expect(await fs.readFile(target, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
  });

  it('removes the file again when there was none', async () => {
    await fs.rm(env.paths.resolvConf);
    const configurator = env.configurator();
    expect((await configurator.apply(plan)).ok).toBe(true);
    expect(await fs.readFile(env.paths.resolvConf, 'utf8')).toBe(TUNNEL_RESOLV_CONF);
    expect((await configurator.revert()).ok).toBe(true);
    await expect(fs.access(env.paths.resolvConf)).rejects.toThrow();
  });
});
