// Page helpers for the specs: navigation and the profile flows, by role and accessible name (what a screen reader would use).
import { expect, type Page } from '@playwright/test';

export type Section = 'Home' | 'Profiles' | 'Routes & DNS' | 'Split tunnelling' | 'Settings' | 'Logs';

export async function openSection(page: Page, name: Section): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  if (name !== 'Home') await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function pasteImport(page: Page, text: string, name: string): Promise<void> {
  await openSection(page, 'Profiles');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await page.getByLabel('Configuration', { exact: true }).fill(text);
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

export function profileListEntry(page: Page, name: string) {
  const exactName = page.locator('.profile-name').getByText(name, { exact: true });
  return page.getByRole('list', { name: 'Profiles' }).getByRole('button').filter({ has: exactName });
}

/** A screenshot for people to look at: pointer parked off the controls, transitions finished (a theme switch animates). */
export async function shoot(page: Page, path: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path, animations: 'disabled' });
}
