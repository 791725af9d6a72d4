import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMainGroup } from './desktop-entry.js';
import { autostartPath, createXdgLaunchAtLogin, OWNER_KEY } from './launch-at-login.xdg.js';

const COMMAND = { executable: '/opt/Ferry Apps/ferry-desktop', args: ['--hidden'] };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ferry-autostart-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('autostartPath (XDG Base Directory)', () => {
  it('uses an absolute XDG_CONFIG_HOME', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/x/config', HOME: '/home/u' })).toEqual({ ok: true, value: '/x/config/autostart/ferry.desktop' });
  });

  it.each([undefined, '', 'relative/config'])('falls back to ~/.config when XDG_CONFIG_HOME is %j', (configHome) => {
    expect(autostartPath({ XDG_CONFIG_HOME: configHome, HOME: '/home/u' })).toEqual({ ok: true, value: '/home/u/.config/autostart/ferry.desktop' });
  });

  it('fails without either', () => {
    expect(autostartPath({}).ok).toBe(false);
  });
});

describe('XDG launch at login', () => {
  const file = () => join(dir, 'autostart', 'ferry.desktop');
  const service = () => createXdgLaunchAtLogin({ XDG_CONFIG_HOME: dir, HOME: '/nonexistent' }, COMMAND);

  it('is off while there is no entry', async () => {
    expect(await service().get()).toEqual({ ok: true, value: { enabled: false, unavailable: null } });
  });

  it('writes an autostart entry with the quoted command, creating the folder, and reads it back as on', async () => {
    expect(await service().set(true)).toEqual({ ok: true, value: { enabled: true, unavailable: null } });
    const keys = readMainGroup(readFileSync(file(), 'utf8'));
    expect(keys.get('Type')).toBe('Application');
    expect(keys.get('Exec')).toBe('"/opt/Ferry Apps/ferry-desktop" --hidden');
    expect(keys.get(OWNER_KEY)).toBe('true');
    expect(keys.has('Hidden')).toBe(false);
    // Readable by the session that starts it, writable by nobody else (the umask may narrow it further).
    expect(statSync(file()).mode & 0o022).toBe(0);
    // The write went through a temporary file that is gone.
    expect(readdirSync(join(dir, 'autostart'))).toEqual(['ferry.desktop']);
    expect(await service().get()).toEqual({ ok: true, value: { enabled: true, unavailable: null } });
  });

  it('turning it off removes the entry; turning off twice is fine', async () => {
    await service().set(true);
    expect(await service().set(false)).toEqual({ ok: true, value: { enabled: false, unavailable: null } });
    expect(existsSync(file())).toBe(false);
    expect((await service().set(false)).ok).toBe(true);
  });

  it.each([['Hidden=true'], ['X-GNOME-Autostart-enabled=false']])('reads our entry with %s as off', async (line) => {
    await service().set(true);
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('X-GNOME-Autostart-enabled=true', line));
    expect(await service().get()).toEqual({ ok: true, value: { enabled: false, unavailable: null } });
    // Turning it on again writes a fresh entry.
    expect((await service().set(true)).ok && existsSync(file())).toBe(true);
    expect(await service().get()).toEqual({ ok: true, value: { enabled: true, unavailable: null } });
  });

  it('never overwrites or removes an entry it did not write, and says why', async () => {
    mkdirSync(join(dir, 'autostart'));
    const foreign = '[Desktop Entry]\nType=Application\nName=Ferry\nExec=/usr/bin/ferry-desktop\n';
    writeFileSync(file(), foreign);
    const got = await service().get();
    expect(got.ok && got.value.enabled).toBe(false);
    expect(got.ok && got.value.unavailable).toMatch(/was not written by Ferry/);
    for (const enabled of [true, false]) {
      const set = await service().set(enabled);
      expect(set.ok ? null : set.error.code).toBe('SYSTEM_ERROR');
    }
    expect(readFileSync(file(), 'utf8')).toBe(foreign);
  });

  it('reports a folder it cannot write to as an error, not an exception', async () => {
    if (process.getuid?.() === 0) {
      // root ignores file modes: a file where the folder should be fails for everyone.
      writeFileSync(join(dir, 'autostart'), 'not a folder');
    } else {
      mkdirSync(join(dir, 'autostart'));
      chmodSync(join(dir, 'autostart'), 0o500);
    }
    const set = await service().set(true);
    expect(set.ok ? null : set.error.code).toBe('SYSTEM_ERROR');
    expect(set.ok ? '' : set.error.message).toMatch(/could not (read|write)/);
  });

  it('without HOME or XDG_CONFIG_HOME: unavailable with the reason', async () => {
    const none = createXdgLaunchAtLogin({}, COMMAND);
    const got = await none.get();
    expect(got.ok && got.value.unavailable).toMatch(/XDG_CONFIG_HOME/);
    expect((await none.set(true)).ok).toBe(false);
  });
});
