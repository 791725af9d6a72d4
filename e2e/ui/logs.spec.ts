// Logs: ferryd's entries appear live, the level filter hides what is below it, and what is shown can be saved to a file.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { openSection } from './app-page.js';
import { sampleProfileText } from './profile-text.js';

test('shows ferryd log entries live and filters them by level', async ({ ferryd, openApp }) => {
  const page = await openApp();
  await openSection(page, 'Logs');
  const log = page.getByRole('list', { name: 'ferryd log' });
  await ferryd.call('profile.import', { name: 'Logged', text: sampleProfileText().text });
  await expect(log.getByText('profile imported')).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Lowest level shown' }).getByRole('radio', { name: 'Error' }).click();
  await expect(log.getByText('profile imported')).toHaveCount(0);
  await page.getByRole('radiogroup', { name: 'Lowest level shown' }).getByRole('radio', { name: 'Debug' }).click();
  await expect(log.getByText('profile imported')).toBeVisible();
});

test('saves the log shown to a file', async ({ ferryd, openApp }) => {
  await ferryd.call('profile.import', { name: 'Saved', text: sampleProfileText().text });
  const page = await openApp();
  await openSection(page, 'Logs');
  await expect(page.getByRole('list', { name: 'ferryd log' }).getByText('profile imported')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the log shown to a file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ferryd-\d{8}-\d{6}\.log$/);
  const text = await readFile(await file.path(), 'utf8');
  expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO  /m);
  expect(text).toContain('profile imported profile=Saved');
});
