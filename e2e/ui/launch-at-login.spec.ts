// Launch at login from Settings: the switch writes this user's XDG autostart entry (Exec = what starts the app again),
// reads it back after a reload, and removes it when turned off; an entry Ferry did not write is left alone, with the reason shown.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../lab/repo.js';
import { openSection } from './app-page.js';
import { ELECTRON_MAIN, findElectron } from './electron-binary.js';
import { expect, test } from './fixtures.js';

let configHome: string;

test.beforeEach(() => {
  configHome = mkdtempSync(join(tmpdir(), 'ferry-login-spec-'));
});

test.afterEach(() => {
  rmSync(configHome, { recursive: true, force: true });
});

const entryPath = () => join(configHome, 'autostart', 'ferry.desktop');

/** What starts the app again: the browser host's node + script, or (unpackaged) Electron + its main script, hidden in the tray. */
function expectedExec(project: string): string {
  const electron = findElectron();
  if (project === 'electron' && electron.ok) return `${electron.path} ${ELECTRON_MAIN} --hidden`;
  return `${process.execPath} ${REPO_ROOT}dist/app/host/main.js`;
}

test('the Launch at login switch writes, keeps and removes the autostart entry', async ({ openApp }, testInfo) => {
  const page = await openApp({ configHome });
  await openSection(page, 'Settings');
  const app = page.getByRole('region', { name: 'App' });
  const launch = app.getByRole('switch', { name: 'Launch at login' });
  await expect(launch).toHaveAttribute('aria-checked', 'false');
  await expect(launch).toBeEnabled();
  expect(existsSync(entryPath())).toBe(false);

  await launch.click();
  await expect(launch).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => existsSync(entryPath())).toBe(true);
  const entry = readFileSync(entryPath(), 'utf8');
  expect(entry).toMatch(/^\[Desktop Entry\]\n/);
  expect(entry.split('\n')).toEqual(expect.arrayContaining(['Type=Application', `Exec=${expectedExec(testInfo.project.name)}`]));

  await page.reload();
  await openSection(page, 'Settings');
  await expect(launch).toHaveAttribute('aria-checked', 'true');

  await launch.click();
  await expect(launch).toHaveAttribute('aria-checked', 'false');
  await expect.poll(() => existsSync(entryPath())).toBe(false);
});

test('an autostart entry Ferry did not write is not touched, and the switch says why', async ({ openApp }) => {
  mkdirSync(join(configHome, 'autostart'));
  const foreign = '[Desktop Entry]\nType=Application\nName=Something else\nExec=/usr/bin/true\n';
  writeFileSync(entryPath(), foreign);
  const page = await openApp({ configHome });
  await openSection(page, 'Settings');
  const launch = page.getByRole('switch', { name: 'Launch at login' });
  await expect(launch).toBeDisabled();
  await expect(launch).toHaveAccessibleDescription(/was not written by Ferry/);
  expect(readFileSync(entryPath(), 'utf8')).toBe(foreign);
});
