import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLaunchAtLogin, type LoginItems } from './launch-at-login.js';

const COMMAND = { executable: '/usr/bin/ferry-desktop', args: ['--hidden'] };

function fakeLoginItems(): LoginItems & { value: boolean } {
  const items = { value: false, openAtLogin: () => items.value, setOpenAtLogin: (enabled: boolean) => void (items.value = enabled) };
  return items;
}

describe('createLaunchAtLogin picks the OS mechanism once', () => {
  it('Linux: the XDG autostart entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-login-'));
    try {
      const service = createLaunchAtLogin({ env: { XDG_CONFIG_HOME: dir }, platform: 'linux', launchCommand: COMMAND });
      expect(await service.set(true)).toEqual({ ok: true, value: { enabled: true, unavailable: null } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['darwin', 'win32'] as const)('%s: the login items Electron provides', async (platform) => {
    const items = fakeLoginItems();
    const service = createLaunchAtLogin({ env: {}, platform, launchCommand: COMMAND, loginItems: items });
    expect(await service.get()).toEqual({ ok: true, value: { enabled: false, unavailable: null } });
    expect(await service.set(true)).toEqual({ ok: true, value: { enabled: true, unavailable: null } });
    expect(items.value).toBe(true);
  });

  it('darwin without Electron (the browser host): unavailable, with the reason', async () => {
    const service = createLaunchAtLogin({ env: {}, platform: 'darwin', launchCommand: COMMAND });
    const got = await service.get();
    expect(got.ok && got.value).toMatchObject({ enabled: false, unavailable: expect.stringMatching(/desktop app/) });
    const set = await service.set(true);
    expect(set.ok ? null : set.error.code).toBe('SYSTEM_ERROR');
  });

  it('another OS: unavailable', async () => {
    const got = await createLaunchAtLogin({ env: {}, platform: 'freebsd', launchCommand: COMMAND }).get();
    expect(got.ok && got.value.unavailable).toMatch(/freebsd/);
  });
});
