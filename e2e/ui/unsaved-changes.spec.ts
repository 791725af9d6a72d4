// Edits not yet saved are not dropped silently: leaving Routes & DNS or the profile editor asks "Discard changes?";
// Cancel keeps the page and the draft, Discard goes on and the draft is gone.
import type { Page } from '@playwright/test';
import { openSection } from './app-page.js';
import { expect, test } from './fixtures.js';
import { sampleProfileText } from './profile-text.js';

function discardDialog(page: Page) {
  return page.getByRole('alertdialog', { name: 'Discard changes?' });
}

test('leaving Routes & DNS with unsaved edits asks first', async ({ ferryd, openApp }) => {
  await ferryd.call('profile.import', { name: 'Office', text: sampleProfileText().text });
  await ferryd.call('profile.import', { name: 'Home', text: sampleProfileText().text });
  const page = await openApp();
  await openSection(page, 'Routes & DNS');
  const custom = page.getByRole('list', { name: 'Custom routes' });
  await page.getByLabel('Add a network').fill('10.20.0.0/16');
  await page.getByLabel('Add a network').press('Enter');
  await expect(custom.getByRole('listitem')).toHaveText(['10.20.0.0/16']);

  // Another page: Cancel stays here with the draft.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(discardDialog(page)).toBeVisible();
  await expect(discardDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(discardDialog(page)).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Routes & DNS' })).toBeVisible();
  await expect(custom.getByRole('listitem')).toHaveText(['10.20.0.0/16']);

  // Another profile in the page's own picker asks too.
  const picker = page.getByLabel('Profile');
  const shown = await picker.inputValue();
  await picker.selectOption(shown === 'Office' ? 'Home' : 'Office');
  await expect(discardDialog(page)).toBeVisible();
  await discardDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(picker).toHaveValue(shown);
  await expect(custom.getByRole('listitem')).toHaveText(['10.20.0.0/16']);

  // Discard goes on; nothing was saved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await discardDialog(page).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await openSection(page, 'Routes & DNS');
  await expect(custom).not.toContainText('10.20.0.0/16');
  const stored = await ferryd.call('profile.show', { name: shown });
  expect(stored.profile.peers[0]?.allowedIps).toEqual(['0.0.0.0/0', '::/0']);

  // Saved edits leave freely.
  await page.getByRole('switch', { name: 'Send all IPv6 traffic' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await openSection(page, 'Home');
  await expect(discardDialog(page)).toBeHidden();
});

test('leaving the profile editor with unsaved edits asks first', async ({ ferryd, openApp }) => {
  await ferryd.call('profile.import', { name: 'Office', text: sampleProfileText().text });
  const page = await openApp();
  await openSection(page, 'Profiles');
  await page.getByLabel('MTU').fill('1380');
  await page.getByRole('button', { name: 'Import…' }).first().click();
  await expect(discardDialog(page)).toBeVisible();
  await discardDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('MTU')).toHaveValue('1380');

  await page.getByRole('button', { name: 'Routes & DNS →' }).click();
  await discardDialog(page).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Routes & DNS' })).toBeVisible();
  expect((await ferryd.call('profile.show', { name: 'Office' })).profile.interface.mtu ?? null).toBeNull();
});
