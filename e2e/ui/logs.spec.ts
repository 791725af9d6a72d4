// Logs: ferryd's entries appear live, and the level filter hides what is below it.
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
