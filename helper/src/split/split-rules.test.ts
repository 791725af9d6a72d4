// The rule model: path checks with their exact errors, symlink resolution, script detection, and the rule list.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRule, resolveExecutable, ruleIdFor, SplitRuleSet } from './split-rules.js';

let directory = '';
const at = (name: string): string => path.join(directory, name);

beforeAll(async () => {
  directory = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-split-rules-')));
  await fs.writeFile(at('app'), '\x7fELF', { mode: 0o755 });
  await fs.writeFile(at('script.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  await fs.writeFile(at('data.txt'), 'text', { mode: 0o644 });
  await fs.mkdir(at('folder'));
  await fs.symlink(at('app'), at('link-to-app'));
  await fs.symlink(at('gone'), at('dangling'));
});

afterAll(() => fs.rm(directory, { recursive: true, force: true }));

describe('resolveExecutable', () => {
  it('refuses a relative path', async () => {
    expect(await resolveExecutable('bin/app')).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'not an absolute path: "bin/app"', details: { reason: 'path-relative' } },
    });
  });

  it('refuses a missing file and a dangling symlink', async () => {
    for (const name of ['missing', 'dangling']) {
      expect(await resolveExecutable(at(name))).toEqual({
        ok: false,
        error: { code: 'INVALID_PARAMS', message: `no such file: "${at(name)}"`, details: { reason: 'path-missing' } },
      });
    }
  });

  it('refuses a file without execute permission and a directory', async () => {
    for (const name of ['data.txt', 'folder']) {
      expect(await resolveExecutable(at(name))).toEqual({
        ok: false,
        error: { code: 'INVALID_PARAMS', message: `not an executable file: "${at(name)}"`, details: { reason: 'path-not-executable' } },
      });
    }
  });

  it('resolves symlinks and recognises scripts', async () => {
    expect(await resolveExecutable(at('link-to-app'))).toEqual({ ok: true, value: { path: at('app'), isScript: false } });
    expect(await resolveExecutable(at('script.sh'))).toEqual({ ok: true, value: { path: at('script.sh'), isScript: true } });
  });
});

describe('makeRule', () => {
  it('keeps the path as given and derives a stable id from the resolved one', async () => {
    const rule = await makeRule(at('link-to-app'), 'App');
    expect(rule).toEqual({ ok: true, value: { id: ruleIdFor(at('app')), path: at('app'), requestedPath: at('link-to-app'), name: 'App', isScript: false } });
    expect(ruleIdFor('/usr/bin/firefox')).toMatch(/^r-[0-9a-f]{10}$/);
    expect(ruleIdFor('/usr/bin/firefox')).toBe(ruleIdFor('/usr/bin/firefox'));
  });
});

describe('SplitRuleSet', () => {
  const rule = (file: string): { id: string; path: string; requestedPath: string; name: null; isScript: boolean } => ({
    id: ruleIdFor(file),
    path: file,
    requestedPath: `${file}-link`,
    name: null,
    isScript: false,
  });

  it('refuses a second rule for the same file', () => {
    const rules = new SplitRuleSet([rule('/opt/a')]);
    expect(rules.add(rule('/opt/a'))).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'already a rule: "/opt/a"', details: { reason: 'rule-exists', id: ruleIdFor('/opt/a') } },
    });
    expect(rules.add(rule('/opt/b')).ok).toBe(true);
    expect(rules.list().map((entry) => entry.path)).toEqual(['/opt/a', '/opt/b']);
  });

  it('removes by id, by the path as given or by the resolved path', () => {
    const rules = new SplitRuleSet([rule('/opt/a'), rule('/opt/b'), rule('/opt/c')]);
    expect(rules.remove({ id: ruleIdFor('/opt/a') }).ok).toBe(true);
    expect(rules.remove({ path: '/opt/b-link' }).ok).toBe(true);
    expect(rules.remove({ path: '/opt/c' }).ok).toBe(true);
    expect(rules.list()).toEqual([]);
    expect(rules.remove({ path: '/opt/d' })).toEqual({
      ok: false,
      error: { code: 'INVALID_PARAMS', message: 'no such rule: "/opt/d"', details: { reason: 'rule-missing' } },
    });
  });
});
