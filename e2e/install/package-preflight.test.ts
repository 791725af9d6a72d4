// build/package-preflight.mjs: what `npm run package` reports missing, against fake project and cache directories.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_DIR } from './run-script.js';

interface Preflight {
  missing: { what: string; how: string }[];
  electronBuilderCli: string | null;
  electronDist: string | null;
}
type PreflightFunction = (options: { projectDir: string; env: Record<string, string>; homeDir: string; arch: string }) => Preflight;

let preflight: PreflightFunction;
let root = '';
beforeAll(async () => {
  // A computed specifier: the .mjs has no type declarations, so it is typed here by hand.
  const moduleUrl = pathToFileURL(join(REPO_DIR, 'build/package-preflight.mjs')).href;
  ({ preflight } = (await import(moduleUrl)) as { preflight: PreflightFunction });
  root = mkdtempSync(join(tmpdir(), 'ferry-preflight-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

function fakeProject(name: string, options: { builder: boolean; electronVersion?: string }): string {
  const projectDir = join(root, name, 'project');
  write(join(projectDir, 'package.json'), '{"name":"fake"}');
  if (options.builder) {
    write(join(projectDir, 'node_modules/electron-builder/package.json'), '{"name":"electron-builder","bin":{"electron-builder":"cli.js"}}');
  }
  if (options.electronVersion) {
    write(join(projectDir, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', version: options.electronVersion }));
  }
  return projectDir;
}

describe('package preflight', () => {
  it('names both missing pieces, each with how to get it, on a bare machine', () => {
    const projectDir = fakeProject('bare', { builder: false, electronVersion: '41.7.1' });
    const result = preflight({ projectDir, env: {}, homeDir: join(root, 'bare/home'), arch: 'x64' });
    expect(result.missing.map((item) => item.what)).toEqual([
      'electron-builder is not installed',
      `Electron 41.7.1 for linux-x64: no electron-v41.7.1-linux-x64.zip in ${join(root, 'bare/home/.cache/electron')}, and no node_modules/electron/dist`,
    ]);
    expect(result.missing[0]?.how).toContain('npm i -D electron-builder');
    expect(result.missing[1]?.how).toContain('https://github.com/electron/electron/releases/tag/v41.7.1');
  });

  it('asks for npm ci when the electron package itself is absent', () => {
    const projectDir = fakeProject('no-electron', { builder: true });
    const result = preflight({ projectDir, env: {}, homeDir: join(root, 'no-electron/home'), arch: 'x64' });
    expect(result.missing).toEqual([{ what: 'the electron package is not installed', how: 'npm ci' }]);
  });

  it('is ready with electron-builder and a zip in a hashed @electron/get cache folder (ELECTRON_CACHE)', () => {
    const projectDir = fakeProject('zip', { builder: true, electronVersion: '41.7.1' });
    const cache = join(root, 'zip/cache');
    write(join(cache, '0a1b2c3d/electron-v41.7.1-linux-arm64.zip'), 'zip');
    const result = preflight({ projectDir, env: { ELECTRON_CACHE: cache }, homeDir: join(root, 'zip/home'), arch: 'arm64' });
    expect(result.missing).toEqual([]);
    expect(result.electronBuilderCli).toBe(join(projectDir, 'node_modules/electron-builder/cli.js'));
    expect(result.electronDist).toBeNull();
  });

  it('uses an unpacked node_modules/electron/dist instead of a zip', () => {
    const projectDir = fakeProject('dist', { builder: true, electronVersion: '41.7.1' });
    write(join(projectDir, 'node_modules/electron/dist/electron'), 'binary');
    const result = preflight({ projectDir, env: {}, homeDir: join(root, 'dist/home'), arch: 'x64' });
    expect(result.missing).toEqual([]);
    expect(result.electronDist).toBe(join(projectDir, 'node_modules/electron/dist'));
  });
});
