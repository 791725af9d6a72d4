// The wanted-connection record on disk: saved, loaded, cleared, and an unreadable file means nothing is wanted.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WANTED_CONNECTION_FILE_NAME, WantedConnectionFile } from './wanted-connection.js';

describe('WantedConnectionFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-wanted-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves (0600), loads and clears the wanted profile', async () => {
    const wanted = new WantedConnectionFile(dir);
    expect(await wanted.load()).toBeNull();
    await wanted.save('home');
    expect(await wanted.load()).toBe('home');
    expect((await stat(join(dir, WANTED_CONNECTION_FILE_NAME))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, WANTED_CONNECTION_FILE_NAME), 'utf8'))).toMatchObject({ version: 1, profile: 'home' });
    await wanted.clear();
    await wanted.clear();
    expect(await wanted.load()).toBeNull();
  });

  it('treats a corrupt record as nothing wanted', async () => {
    await writeFile(join(dir, WANTED_CONNECTION_FILE_NAME), '{"version":1,"prof');
    expect(await new WantedConnectionFile(dir).load()).toBeNull();
  });
});
