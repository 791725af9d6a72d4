// Profiles against a real ferryd: paste-import shows the profile in the list; a bad key is an inline error and nothing is saved.
import { expect, test } from './fixtures.js';
import { openSection, pasteImport, profileListEntry } from './app-page.js';
import { sampleProfileText } from './profile-text.js';

test('a pasted configuration is imported and listed', async ({ ferryd, openApp }) => {
  const page = await openApp();
  const { text } = sampleProfileText();
  await pasteImport(page, text, 'Office');
  await expect(profileListEntry(page, 'Office')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Office' })).toBeVisible();
  const listed = await ferryd.call('profile.list');
  expect(listed.profiles.map((profile) => profile.name)).toEqual(['Office']);
  // The public key ferryd derived is shown for copying.
  const publicKey = listed.profiles[0]?.interface.publicKey ?? '';
  await expect(page.getByText(publicKey)).toBeVisible();
});

test('editing with a bad key shows an inline error and saves nothing', async ({ ferryd, openApp }) => {
  const { text, serverPublicKey } = sampleProfileText();
  await ferryd.call('profile.import', { name: 'Office', text });
  const page = await openApp();
  await openSection(page, 'Profiles');
  await profileListEntry(page, 'Office').click();
  const keyField = page.getByRole('group', { name: 'Server 1' }).getByLabel('Public key');
  await expect(keyField).toHaveValue(serverPublicKey);
  await keyField.fill('this-is-not-a-key');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(keyField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'not a valid WireGuard key' })).toBeVisible();
  const stored = await ferryd.call('profile.show', { name: 'Office' });
  expect(stored.profile.peers[0]?.publicKey).toBe(serverPublicKey);
  // Fixing it clears the error as you type.
  await keyField.fill(serverPublicKey);
  await expect(keyField).not.toHaveAttribute('aria-invalid', 'true');
});

test('deleting asks for confirmation first', async ({ ferryd, openApp }) => {
  await ferryd.call('profile.import', { name: 'Spare', text: sampleProfileText().text });
  const page = await openApp();
  await openSection(page, 'Profiles');
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Spare?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await ferryd.call('profile.list')).profiles).toHaveLength(1);
  await page.getByRole('button', { name: 'Delete…' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(profileListEntry(page, 'Spare')).toHaveCount(0);
  expect((await ferryd.call('profile.list')).profiles).toHaveLength(0);
});
