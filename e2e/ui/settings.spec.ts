// Settings by keyboard only: reach the page, flip switches and choose the theme; ferryd stores each change and the page follows it.
import { expect, test } from './fixtures.js';

test('settings are keyboard operable and reach ferryd', async ({ ferryd, openApp }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  const allowLan = page.getByRole('switch', { name: 'Allow local network' });
  await expect(allowLan).toHaveAttribute('aria-checked', 'true');
  await allowLan.focus();
  await page.keyboard.press('Space');
  await expect(allowLan).toHaveAttribute('aria-checked', 'false');
  await expect.poll(async () => (await ferryd.call('settings.get')).allowLan).toBe(false);

  const theme = page.getByRole('radiogroup', { name: 'Theme' });
  await theme.getByRole('radio', { name: 'System' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => (await ferryd.call('settings.get')).theme).toBe('dark');

  // A change made elsewhere (the CLI, another window) shows up here through the settings event.
  await ferryd.call('settings.set', { key: 'notifications', value: false });
  await expect(page.getByRole('switch', { name: 'Notifications' })).toHaveAttribute('aria-checked', 'false');
});
