// Tests for the settings store: defaults, validation, persistence, lenient loading and change events.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/src/protocol/settings.js';
import { SettingsStore } from './settings-store.js';
import { memoryLogger, withTempDir } from './store-test-helpers.js';

describe('SettingsStore', () => {
  it('starts from defaults when there is no file', async () => {
    await withTempDir(async (dir) => {
      const store = await SettingsStore.open(join(dir, 'settings.json'), memoryLogger().logger);
      expect(store.get()).toEqual(DEFAULT_SETTINGS);
      expect(DEFAULT_SETTINGS).toMatchObject({ killSwitch: 'auto', lockdown: false, allowLan: true, theme: 'system', logLevel: 'info' });
    });
  });

  it('validates, persists at 0600 and announces changes', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'settings.json');
      const { logger } = memoryLogger();
      const store = await SettingsStore.open(path, logger);
      const changes: string[] = [];
      store.onChange((change) => changes.push(`${change.key}:${String(change.previous.killSwitch)}→${String(change.settings.killSwitch)}`));
      expect(await store.set('killSwitch', 'on')).toMatchObject({ ok: true, value: { killSwitch: 'on' } });
      expect(await store.set('killSwitch', 'maybe')).toMatchObject({ ok: false, error: { code: 'SETTING_INVALID', details: { key: 'killSwitch' } } });
      expect(await store.set('nope', true)).toMatchObject({ ok: false, error: { code: 'SETTING_INVALID', message: 'unknown setting "nope"' } });
      expect(await store.set('lockdown', undefined)).toMatchObject({ ok: false, error: { code: 'SETTING_INVALID' } });
      expect(changes).toEqual(['killSwitch:auto→on']);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ version: 1, settings: { ...DEFAULT_SETTINGS, killSwitch: 'on' } });
      expect((await SettingsStore.open(path, logger)).get().killSwitch).toBe('on');
    });
  });

  it('keeps valid keys of a damaged file and logs the rest', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'settings.json');
      await writeFile(path, JSON.stringify({ version: 1, settings: { theme: 'dark', lockdown: 'yes', bogus: 1 } }));
      const { logger, entries } = memoryLogger();
      const settings = (await SettingsStore.open(path, logger)).get();
      expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
      expect(entries.map((e) => e.fields.key)).toEqual(['lockdown', 'bogus']);
    });
  });

  it.each(['{not json', '[]', 'null', '{"version":2,"settings":{}}'])('falls back to defaults for %s', async (text) => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'settings.json');
      await writeFile(path, text);
      const { logger, entries } = memoryLogger();
      expect((await SettingsStore.open(path, logger)).get()).toEqual(DEFAULT_SETTINGS);
      expect(entries.some((e) => e.level === 'warn')).toBe(true);
    });
  });
});
