// Lab steps the UI specs share: import a fresh lab profile through the app and connect it from Home; the client's routes.
import type { Page } from '@playwright/test';
import type { ClientProfileOptions } from '../lab/client-profile.js';
import type { Lab } from '../lab/lab.js';
import { openSection, pasteImport, profileListEntry } from './app-page.js';
import { expect } from './fixtures.js';

/** Registers a new client on the lab server, paste-imports it as `name`, and connects it from Home. */
export async function importAndConnect(page: Page, lab: Lab, name: string, options: ClientProfileOptions = {}): Promise<void> {
  const profile = await lab.makeClientProfile(options);
  await pasteImport(page, profile.text, name);
  await expect(profileListEntry(page, name)).toBeVisible();
  await openSection(page, 'Home');
  await page.getByLabel('Profile').selectOption(name);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Connected' })).toBeVisible({ timeout: 30_000 });
}

/** `ip -4 route show` and `ip -6 route show` (main table) of the client namespace, one route a line. */
export async function clientRoutes(lab: Lab): Promise<string[]> {
  const v4 = await lab.exec('client', 'ip', ['-4', 'route', 'show']);
  const v6 = await lab.exec('client', 'ip', ['-6', 'route', 'show']);
  return `${v4.stdout}\n${v6.stdout}`.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The device the client namespace would send a packet to `address` out of (`ip route get`). */
export async function routeDevice(lab: Lab, address: string): Promise<string> {
  const result = await lab.exec('client', 'ip', ['route', 'get', address]);
  return /\bdev (\S+)/.exec(result.stdout)?.[1] ?? '';
}
