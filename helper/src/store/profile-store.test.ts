// Tests for the profile store: modes, persistence, renames, corrupt files and change events.
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileFileName } from './profile-file-name.js';
import { ProfileStore } from './profile-store.js';
import { memoryLogger, sampleConfig, withTempDir } from './store-test-helpers.js';

describe('ProfileStore', () => {
  it('creates a 0700 directory and 0600 files holding the schema version and the private key', async () => {
    await withTempDir(async (root) => {
      const dir = join(root, 'profiles');
      const store = await ProfileStore.open(dir, memoryLogger().logger);
      expect((await store.create('home', sampleConfig())).ok).toBe(true);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      const path = join(dir, 'home.json');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const saved = JSON.parse(await readFile(path, 'utf8'));
      expect(saved).toEqual({ version: 1, name: 'home', config: sampleConfig() });
    });
  });

  it('loads what it saved and reports missing or duplicate names as results', async () => {
    await withTempDir(async (dir) => {
      const { logger } = memoryLogger();
      const store = await ProfileStore.open(dir, logger);
      await store.create('b', sampleConfig(5));
      await store.create('a b', sampleConfig(6));
      expect(await store.create('b', sampleConfig())).toMatchObject({ ok: false, error: { code: 'PROFILE_EXISTS' } });
      expect(await store.update('zzz', sampleConfig())).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND', message: 'profile "zzz" not found' } });
      const reopened = await ProfileStore.open(dir, logger);
      expect(reopened.list().map((p) => p.name)).toEqual(['a b', 'b']);
      expect(reopened.get('b')?.config).toEqual(sampleConfig(5));
    });
  });

  it('renames and removes files', async () => {
    await withTempDir(async (dir) => {
      const store = await ProfileStore.open(dir, memoryLogger().logger);
      await store.create('old', sampleConfig());
      await store.create('other', sampleConfig());
      expect(await store.rename('old', 'other')).toMatchObject({ ok: false, error: { code: 'PROFILE_EXISTS' } });
      expect((await store.rename('old', 'new.one')).ok).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['new%2Eone.json', 'other.json']);
      expect(store.get('old')).toBeUndefined();
      expect((await store.remove('other')).ok).toBe(true);
      expect(await store.remove('other')).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
      expect(await readdir(dir)).toEqual(['new%2Eone.json']);
    });
  });

  it('skips corrupt, mismatched and non-regular files with a log entry, and removes stale temp files', async () => {
    await withTempDir(async (dir) => {
      const { logger, entries } = memoryLogger();
      const good = await ProfileStore.open(dir, logger);
      await good.create('good', sampleConfig());
      await writeFile(join(dir, 'broken.json'), '{"version":1,');
      await writeFile(join(dir, 'wrong-version.json'), JSON.stringify({ version: 9, name: 'wrong-version', config: sampleConfig() }));
      await writeFile(join(dir, 'elsewhere.json'), JSON.stringify({ version: 1, name: 'good', config: sampleConfig(9) }));
      await writeFile(join(dir, 'badkey.json'), JSON.stringify({ version: 1, name: 'badkey', config: { ...sampleConfig(), peers: [{ publicKey: 'nope', allowedIps: [] }] } }));
      await mkdir(join(dir, 'dir.json'));
      await symlink('/etc/passwd', join(dir, 'link.json'));
      await writeFile(join(dir, '.good.json.1.abc.tmp'), 'partial');
      await writeFile(join(dir, 'notes.txt'), 'ignored');
      const store = await ProfileStore.open(dir, logger);
      expect(store.list().map((p) => p.name)).toEqual(['good']);
      expect(store.get('good')?.config).toEqual(sampleConfig());
      const skipped = entries.filter((e) => e.message === 'skipping unreadable profile file').map((e) => e.fields.file);
      expect(skipped.sort()).toEqual(['badkey.json', 'broken.json', 'dir.json', 'elsewhere.json', 'link.json', 'wrong-version.json']);
      expect(await readdir(dir)).not.toContain('.good.json.1.abc.tmp');
    });
  });

  it('tightens a loose file mode when loading', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, profileFileName('x')), JSON.stringify({ version: 1, name: 'x', config: sampleConfig() }), { mode: 0o644 });
      const store = await ProfileStore.open(dir, memoryLogger().logger);
      expect(store.get('x')).toBeDefined();
      expect((await stat(join(dir, 'x.json'))).mode & 0o777).toBe(0o600);
    });
  });

  it('announces the whole list after each change, and serialises concurrent changes', async () => {
    await withTempDir(async (dir) => {
      const store = await ProfileStore.open(dir, memoryLogger().logger);
      const seen: string[][] = [];
      store.onChange((profiles) => seen.push(profiles.map((p) => p.name)));
      const results = await Promise.all([store.create('a', sampleConfig()), store.create('a', sampleConfig()), store.create('b', sampleConfig())]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      expect(seen).toEqual([['a'], ['a', 'b']]);
    });
  });

  it('returns SYSTEM_ERROR when the disk refuses the write', async () => {
    await withTempDir(async (dir) => {
      const { logger } = memoryLogger();
      const store = await ProfileStore.open(dir, logger);
      // A directory where the file should go makes the rename fail.
      await mkdir(join(dir, 'blocked.json'));
      await writeFile(join(dir, 'blocked.json', 'x'), '');
      expect(await store.create('blocked', sampleConfig())).toMatchObject({ ok: false, error: { code: 'SYSTEM_ERROR' } });
      expect(store.get('blocked')).toBeUndefined();
    });
  });
});
