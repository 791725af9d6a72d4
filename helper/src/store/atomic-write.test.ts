// Tests for atomic file replacement and the private state directory.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTempFileName, writeFileAtomic } from './atomic-write.js';
import { ensurePrivateDirectory } from './state-dir.js';
import { withTempDir } from './store-test-helpers.js';

describe('writeFileAtomic', () => {
  it('replaces the file, leaves no temp file and sets the mode despite the umask', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'a.json');
      await writeFile(path, 'old', { mode: 0o644 });
      await writeFileAtomic(path, 'new', 0o600);
      expect(await readFile(path, 'utf8')).toBe('new');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(await readdir(dir)).toEqual(['a.json']);
    });
  });

  it('keeps the old content and removes its temp file when the rename fails', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'target');
      await mkdir(path);
      await writeFile(join(path, 'inside'), 'x');
      await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
      expect(await readdir(dir)).toEqual(['target']);
      expect(await readFile(join(path, 'inside'), 'utf8')).toBe('x');
    });
  });

  it('recognises its temp file names', () => {
    expect(isTempFileName('.home.json.123.abcdef.tmp')).toBe(true);
    expect(isTempFileName('home.json')).toBe(false);
  });
});

describe('ensurePrivateDirectory', () => {
  it('creates nested directories at 0700 and tightens an existing one', async () => {
    await withTempDir(async (dir) => {
      const nested = join(dir, 'a', 'b');
      await ensurePrivateDirectory(nested);
      expect((await stat(nested)).mode & 0o777).toBe(0o700);
      const loose = join(dir, 'loose');
      await mkdir(loose, { mode: 0o755 });
      await ensurePrivateDirectory(loose);
      expect((await stat(loose)).mode & 0o777).toBe(0o700);
    });
  });

  it('refuses a path that is a file', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'file');
      await writeFile(file, '');
      await expect(ensurePrivateDirectory(file)).rejects.toThrow();
    });
  });
});
