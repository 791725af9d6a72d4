// split.json: the mode and rules survive a restart; a missing or corrupt file means off with no rules.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../platform/network.js';
import { createSplitStore, SPLIT_FILE_NAME } from './split-store.js';

let directory = '';

beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-split-store-'));
});

afterEach(() => fs.rm(directory, { recursive: true, force: true }));

describe('createSplitStore', () => {
  it('reads back what it saved, in a 0600 file', async () => {
    const store = createSplitStore(directory, silentLogger);
    const settings = {
      mode: 'include' as const,
      rules: [{ id: 'r-0123456789', path: '/usr/lib/firefox/firefox', requestedPath: '/usr/bin/firefox', name: 'Firefox', isScript: false }],
    };
    await store.save(settings);
    expect(await createSplitStore(directory, silentLogger).load()).toEqual(settings);
    expect((await fs.stat(path.join(directory, SPLIT_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('treats a missing, corrupt or foreign file as off with no rules', async () => {
    const store = createSplitStore(directory, silentLogger);
    expect(await store.load()).toEqual({ mode: 'off', rules: [] });
    for (const text of ['{not json', '{"version":2,"mode":"exclude","rules":[]}', '{"version":1,"mode":"exclude","rules":[{"id":"x"}]}']) {
      await fs.writeFile(path.join(directory, SPLIT_FILE_NAME), text);
      expect(await store.load()).toEqual({ mode: 'off', rules: [] });
    }
  });
});
