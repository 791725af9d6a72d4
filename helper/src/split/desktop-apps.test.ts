// Installed applications from .desktop files on a temporary tree: precedence, ids, PATH and symlink resolution, icons, what a user may read.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProgram, listInstalledApps } from './desktop-apps.js';
import { iconCandidates, readIcon } from './desktop-icons.js';
import { homeDirectoryOf, userApps, userDataDirs } from './user-apps.js';

let root = '';
const owner = process.getuid?.() ?? 0;
/** Someone who owns none of the files (root reads everything, so the test needs a non-root reader). */
const stranger = owner === 0 ? 4242 : owner + 1;
const at = (...parts: string[]): string => path.join(root, ...parts);

async function write(file: string, text: string, mode = 0o644): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  await fs.writeFile(file, text, { mode });
  await fs.chmod(file, mode);
}

const entry = (name: string, exec: string, extra = ''): string => `[Desktop Entry]\nType=Application\nName=${name}\nExec=${exec}\n${extra}`;

beforeAll(async () => {
  root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-desktop-')));
  await fs.chmod(root, 0o755);
  await write(at('lib/firefox/firefox'), '\x7fELF', 0o755);
  await fs.mkdir(at('bin'), { recursive: true, mode: 0o755 });
  await fs.symlink(at('lib/firefox/firefox'), at('bin/firefox'));
  await write(at('bin/myapp'), '#!/bin/sh\n', 0o755);
  await write(at('opt/konsole'), '\x7fELF', 0o755);
  await write(at('share/applications/firefox.desktop'), entry('Firefox', 'firefox %u', 'Icon=firefox\n'));
  await write(at('share/applications/kde/konsole.desktop'), entry('Konsole', `${at('opt/konsole')} --new-tab`, `Icon=${at('icons/konsole.svg')}\n`));
  await write(at('share/applications/hidden.desktop'), entry('Hidden', 'myapp', 'NoDisplay=true\n'));
  await write(at('share/applications/missing.desktop'), entry('Missing', 'not-installed'));
  await write(at('share/applications/tryexec.desktop'), entry('Try', 'myapp', 'TryExec=absent\n'));
  await write(at('share/applications/secret.desktop'), entry('Secret', 'myapp'), 0o600);
  await write(at('share/applications/notes.txt'), entry('Not an entry', 'myapp'));
  await write(at('home/.local/share/applications/mine.desktop'), entry('Mine', 'myapp', 'Icon=mine\n'));
  await write(at('share/icons/hicolor/48x48/apps/firefox.png'), 'png');
  await write(at('share/icons/hicolor/scalable/apps/firefox.svg'), '<svg/>');
  await write(at('home/.local/share/pixmaps/mine.svg'), '<svg/>');
  await write(at('icons/konsole.svg'), '<svg/>');
  await write(at('icons/private.png'), 'png', 0o600);
});

afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe('listInstalledApps', () => {
  it('lists visible, installed apps by name, with resolved programs and icons; the first directory wins an id', async () => {
    await write(at('home/.local/share/applications/firefox.desktop'), entry('My Firefox', 'firefox --private', 'Icon=firefox\n'));
    const apps = await listInstalledApps({ uid: stranger, dataDirs: [at('home/.local/share'), at('share')], searchPath: [at('bin')] });
    await fs.rm(at('home/.local/share/applications/firefox.desktop'));
    expect(apps).toEqual([
      { id: 'kde-konsole.desktop', name: 'Konsole', requestedPath: at('opt/konsole'), path: at('opt/konsole'), icon: at('icons/konsole.svg') },
      { id: 'mine.desktop', name: 'Mine', requestedPath: at('bin/myapp'), path: at('bin/myapp'), icon: at('home/.local/share/pixmaps/mine.svg') },
      { id: 'firefox.desktop', name: 'My Firefox', requestedPath: at('bin/firefox'), path: at('lib/firefox/firefox'), icon: at('share/icons/hicolor/48x48/apps/firefox.png') },
    ]);
  });

  it('shows the owner of an entry only they may read (and root everything)', async () => {
    const names = async (uid: number) => (await listInstalledApps({ uid, dataDirs: [at('share')], searchPath: [at('bin')] })).map((app) => app.name);
    expect(await names(stranger)).toEqual(['Firefox', 'Konsole']);
    expect(await names(owner)).toEqual(['Firefox', 'Konsole', 'Secret']);
  });
});

describe('findProgram', () => {
  it.each<[string, string | null]>([
    ['firefox', 'bin/firefox'],
    ['myapp', 'bin/myapp'],
    ['not-installed', null],
    ['bin/myapp', null],
  ])('%s → %s', async (program, found) => {
    expect(await findProgram(program, [at('nowhere'), at('bin')])).toBe(found === null ? null : at(found));
  });

  it('takes an absolute path as it is, if executable', async () => {
    expect(await findProgram(at('opt/konsole'), [])).toBe(at('opt/konsole'));
    expect(await findProgram(at('icons/konsole.svg'), [])).toBeNull();
  });
});

describe('icons', () => {
  it('looks in hicolor by size, PNG before SVG, then pixmaps', () => {
    const candidates = iconCandidates('app.png', ['/d']);
    expect(candidates.slice(0, 4)).toEqual(['/d/icons/hicolor/48x48/apps/app.png', '/d/icons/hicolor/48x48/apps/app.svg', '/d/icons/hicolor/64x64/apps/app.png', '/d/icons/hicolor/64x64/apps/app.svg']);
    expect(candidates.slice(-2)).toEqual(['/d/pixmaps/app.png', '/d/pixmaps/app.svg']);
  });

  it('reads an icon the caller could read, and refuses others', async () => {
    expect(await readIcon(at('icons/konsole.svg'), stranger)).toEqual({ ok: true, value: { mimeType: 'image/svg+xml', dataBase64: Buffer.from('<svg/>').toString('base64') } });
    expect(await readIcon(at('icons/private.png'), owner)).toEqual({ ok: true, value: { mimeType: 'image/png', dataBase64: Buffer.from('png').toString('base64') } });
    expect(await readIcon(at('icons/private.png'), stranger)).toMatchObject({ ok: false, error: { code: 'PATH_INVALID' } });
    expect(await readIcon('/etc/shadow', stranger)).toEqual({ ok: false, error: { code: 'PATH_INVALID', message: 'not an absolute path to a PNG or SVG icon: "/etc/shadow"' } });
    expect(await readIcon('icons/konsole.svg', stranger)).toMatchObject({ ok: false, error: { code: 'PATH_INVALID' } });
  });
});

describe('the caller\'s data directories', () => {
  const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000:Alice,,,:/home/alice:/bin/bash\nbroken:x:1001:1001\n';

  it.each<[number, string | null]>([
    [0, '/root'],
    [1000, '/home/alice'],
    [1001, null],
    [1002, null],
  ])('uid %i has home %s', (uid, home) => {
    expect(homeDirectoryOf(PASSWD, uid)).toBe(home);
  });

  it('puts the data home first, then the client\'s absolute directories or the system\'s', () => {
    expect(userDataDirs('/home/alice', ['/opt/share/', 'relative', '/usr/share'])).toEqual(['/home/alice/.local/share', '/opt/share', '/usr/share']);
    expect(userDataDirs(null, undefined)).toEqual(['/usr/local/share', '/usr/share', '/var/lib/flatpak/exports/share', '/var/lib/snapd/desktop']);
  });

  it('marks apps whose program a rule already lists', async () => {
    const passwd = `owner:x:${stranger}:${stranger}::${at('home')}:/bin/sh\n`;
    const rule = { id: 'r-0123456789', path: at('bin/myapp'), requestedPath: at('bin/myapp'), name: null, isScript: true };
    const result = await userApps(stranger, [at('share')], [rule], { readPasswd: async () => passwd, searchPath: [at('bin')] });
    expect(result.ok && result.value.map((app) => [app.name, app.ruleId])).toEqual([
      ['Firefox', null],
      ['Konsole', null],
      ['Mine', 'r-0123456789'],
    ]);
  });
});
