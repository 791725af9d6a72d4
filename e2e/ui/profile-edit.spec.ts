// Profiles beyond the form: edit as wg-quick text (line-numbered errors, stored keys kept), export without the private
// key, and rename — each checked against what ferryd stored.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { generateKeyPair } from '../lab/keys.js';
import { openSection, profileListEntry } from './app-page.js';
import { expect, test } from './fixtures.js';
import { sampleProfileText } from './profile-text.js';

const PSK = generateKeyPair().publicKey;

async function openProfile(page: Page, name: string): Promise<void> {
  await openSection(page, 'Profiles');
  await profileListEntry(page, name).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('raw text: no secrets shown, errors carry their line, a valid edit keeps the stored keys', async ({ ferryd, openApp }) => {
  const { text } = sampleProfileText();
  await ferryd.call('profile.import', { name: 'Office', text: text.replace('[Peer]\n', `[Peer]\nPresharedKey = ${PSK}\n`) });
  const before = (await ferryd.call('profile.show', { name: 'Office' })).profile;
  const page = await openApp();
  await openProfile(page, 'Office');
  await page.getByRole('tablist', { name: 'Edit as' }).getByRole('tab', { name: 'Text' }).click();
  const area = page.getByLabel('Configuration text');
  const shown = await area.inputValue();
  expect(shown).not.toMatch(/PrivateKey\s*=|PresharedKey\s*=/);
  expect(shown).toContain(`PublicKey = ${before.peers[0]?.publicKey}`);

  const lines = shown.split('\n');
  const endpointLine = lines.findIndex((line) => line.startsWith('Endpoint')) + 1;
  await area.fill(shown.replace('Endpoint = 192.0.2.1:51820', 'Endpoint = 192.0.2.1'));
  await page.getByRole('button', { name: 'Save' }).click();
  const problems = page.getByRole('alert', { name: 'Problems in the text' });
  await expect(problems).toContainText(`Line ${endpointLine}:`);
  await expect(area).toHaveAttribute('aria-invalid', 'true');
  await expect(area).toBeFocused();
  expect((await ferryd.call('profile.show', { name: 'Office' })).profile).toEqual(before);

  await area.fill(shown.replace('Endpoint = 192.0.2.1:51820', 'Endpoint = 192.0.2.9:51820').replace('[Interface]\n', '[Interface]\nMTU = 1380\n'));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(problems).toHaveCount(0);
  await expect.poll(async () => (await ferryd.call('profile.show', { name: 'Office' })).profile.interface.mtu).toBe(1380);
  const after = (await ferryd.call('profile.show', { name: 'Office' })).profile;
  expect(after.peers[0]?.endpoint).toEqual({ host: '192.0.2.9', port: 51820 });
  expect(after.interface.publicKey).toBe(before.interface.publicKey);
  expect(after.peers[0]?.hasPresharedKey).toBe(true);
  // The form shows the same profile.
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByLabel('MTU')).toHaveValue('1380');
});

test('export downloads a .conf without the private key', async ({ ferryd, openApp }) => {
  const { text } = sampleProfileText();
  await ferryd.call('profile.import', { name: 'Office (NL)', text: text.replace('[Peer]\n', `[Peer]\nPresharedKey = ${PSK}\n`) });
  const page = await openApp();
  await openProfile(page, 'Office (NL)');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Office-NL.conf');
  const saved = await readFile(await file.path(), 'utf8');
  expect(saved).toContain('[Interface]');
  expect(saved).toContain('Endpoint = 192.0.2.1:51820');
  expect(saved).not.toMatch(/PrivateKey|PresharedKey/);
  expect(saved).not.toContain(text.split('\n')[1]?.split(' = ')[1] ?? 'no key');
});

test('rename checks the name first and follows the renamed profile', async ({ ferryd, openApp }) => {
  await ferryd.call('profile.import', { name: 'Office', text: sampleProfileText().text });
  const page = await openApp();
  await openProfile(page, 'Office');
  await page.getByRole('button', { name: 'Rename…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename Office' });
  const field = dialog.getByLabel('New name');
  await expect(field).toHaveValue('Office');
  await field.fill('-bad');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(dialog.getByRole('alert')).toContainText('may not start with');
  await field.fill('Office Amsterdam');
  await field.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Office Amsterdam' })).toBeVisible();
  await expect(profileListEntry(page, 'Office Amsterdam')).toHaveAttribute('aria-current', 'true');
  expect((await ferryd.call('profile.list')).profiles.map((profile) => profile.name)).toEqual(['Office Amsterdam']);
});
