// build/install.sh and build/uninstall.sh staged into temporary DESTDIRs: what lands where, idempotence, refusals, removal.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTree, runBuildScript, type ScriptRun } from './run-script.js';

const temporaryDirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-install-test-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

const nodePath = realpathSync(process.execPath);

describe('build/install.sh --destdir', () => {
  let destdir = '';
  let firstRun: ScriptRun;
  beforeAll(() => {
    destdir = freshDir();
    firstRun = runBuildScript('install', ['--destdir', destdir, '--node', nodePath]);
  }, 60_000);

  it('succeeds and skips the group and systemctl on its own', () => {
    expect(firstRun.stderr.replace(/^.*warning: .*fine for staging.*$/m, '').trim()).toBe('');
    expect(firstRun.status).toBe(0);
    expect(firstRun.stdout).toContain('skipping the ferry group');
    expect(firstRun.stdout).toContain('skipping systemctl');
  });

  it('copies the built helper, its addon and only production dependencies', () => {
    const prefix = join(destdir, 'opt/ferry');
    for (const file of ['package.json', '.ferry-install', 'helper/bin/ferryd', 'helper/bin/ferry', 'dist/helper/src/main.js',
      'dist/helper/src/cli/main.js', 'dist/shared/src/protocol/version.js', 'helper/native/build/Release/ferry_native.node',
      'node_modules/zod/package.json', 'node_modules/sodium-native/package.json', 'node_modules/@noble/hashes/package.json']) {
      expect(existsSync(join(prefix, file)), file).toBe(true);
    }
    for (const absent of ['node_modules/vitest', 'node_modules/typescript', 'node_modules/electron', 'dist/app', 'dist/e2e', 'helper/src']) {
      expect(existsSync(join(prefix, absent)), absent).toBe(false);
    }
    const tree = listTree(prefix);
    expect(tree.filter((path) => /\.(test\.js|d\.ts|map)$/.test(path) && path.startsWith('dist/'))).toEqual([]);
    expect(statSync(join(prefix, 'helper/bin/ferryd')).mode & 0o111).not.toBe(0);
  });

  it('links ferry and ferryd, writes the unit for this node and a private state directory', () => {
    expect(readlinkSync(join(destdir, 'usr/local/bin/ferry'))).toBe('/opt/ferry/helper/bin/ferry');
    expect(readlinkSync(join(destdir, 'usr/local/bin/ferryd'))).toBe('/opt/ferry/helper/bin/ferryd');
    const unit = readFileSync(join(destdir, 'etc/systemd/system/ferryd.service'), 'utf8');
    expect(unit).toContain(`\nExecStart=${nodePath} /opt/ferry/helper/bin/ferryd --socket /run/ferry/ferryd.sock --state-dir /var/lib/ferry\n`);
    expect(statSync(join(destdir, 'etc/systemd/system/ferryd.service')).mode & 0o777).toBe(0o644);
    expect(statSync(join(destdir, 'var/lib/ferry')).mode & 0o777).toBe(0o700);
  });

  it('is idempotent: a second run leaves the same tree', () => {
    const before = listTree(destdir);
    const again = runBuildScript('install', ['--destdir', destdir, '--node', nodePath]);
    expect(again.status).toBe(0);
    expect(listTree(destdir)).toEqual(before);
  }, 60_000);

  it('follows --prefix and --bindir into the links and the unit', () => {
    const other = freshDir();
    const run = runBuildScript('install', ['--destdir', other, '--node', nodePath, '--prefix', '/usr/lib/ferry', '--bindir', '/usr/bin']);
    expect(run.status).toBe(0);
    expect(readlinkSync(join(other, 'usr/bin/ferry'))).toBe('/usr/lib/ferry/helper/bin/ferry');
    const unit = readFileSync(join(other, 'etc/systemd/system/ferryd.service'), 'utf8');
    expect(unit).toContain(' /usr/lib/ferry/helper/bin/ferryd ');
    expect(unit).not.toContain('/opt/ferry');
  }, 60_000);
});

describe('build/install.sh refusals and dry run', () => {
  it('changes nothing with --dry-run', () => {
    const destdir = freshDir();
    const run = runBuildScript('install', ['--destdir', destdir, '--node', nodePath, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('would run: ln -sfn /opt/ferry/helper/bin/ferry');
    expect(listTree(destdir)).toEqual([]);
  });

  it('never replaces a prefix it did not make', () => {
    const destdir = freshDir();
    mkdirSync(join(destdir, 'opt/ferry'), { recursive: true });
    writeFileSync(join(destdir, 'opt/ferry/notes.txt'), 'not Ferry');
    const run = runBuildScript('install', ['--destdir', destdir, '--node', nodePath]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('refusing to replace');
    expect(readFileSync(join(destdir, 'opt/ferry/notes.txt'), 'utf8')).toBe('not Ferry');
  });

  it.each([['relative/dir'], ['/opt/with space'], ['/opt/../etc'], ['/']])('rejects --prefix %s', (prefix) => {
    const run = runBuildScript('install', ['--destdir', freshDir(), '--node', nodePath, '--prefix', prefix]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--prefix/);
  });

  it('rejects unknown options', () => {
    const run = runBuildScript('install', ['--destdir', freshDir(), '--frobnicate']);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });
});

describe('build/uninstall.sh --destdir', () => {
  it('removes the runtime, links and unit, keeps the state unless --purge', () => {
    const destdir = freshDir();
    expect(runBuildScript('install', ['--destdir', destdir, '--node', nodePath]).status).toBe(0);
    writeFileSync(join(destdir, 'var/lib/ferry/settings.json'), '{}');

    const kept = runBuildScript('uninstall', ['--destdir', destdir]);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toContain('kept /var/lib/ferry');
    expect(listTree(destdir).filter((path) => path.includes('ferry'))).toEqual(['var/lib/ferry', 'var/lib/ferry/settings.json']);

    const purged = runBuildScript('uninstall', ['--destdir', destdir, '--purge']);
    expect(purged.status).toBe(0);
    expect(existsSync(join(destdir, 'var/lib/ferry'))).toBe(false);
  }, 60_000);

  it('leaves links that point elsewhere and a prefix it did not make', () => {
    const destdir = freshDir();
    mkdirSync(join(destdir, 'usr/local/bin'), { recursive: true });
    symlinkSync('/usr/lib/other/ferry', join(destdir, 'usr/local/bin/ferry'));
    mkdirSync(join(destdir, 'opt/ferry'), { recursive: true });
    writeFileSync(join(destdir, 'opt/ferry/notes.txt'), 'not Ferry');
    const run = runBuildScript('uninstall', ['--destdir', destdir]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('points elsewhere');
    expect(run.stderr).toContain('refusing to delete');
    expect(readlinkSync(join(destdir, 'usr/local/bin/ferry'))).toBe('/usr/lib/other/ferry');
    expect(existsSync(join(destdir, 'opt/ferry/notes.txt'))).toBe(true);
  });
});
