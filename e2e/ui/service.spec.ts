// The app without its service: stopping ferryd shows "Ferry's service is not running"; starting it again recovers by itself.
import { expect, test } from './fixtures.js';

test('shows the service screen when ferryd stops and recovers when it returns', async ({ ferryd, openApp }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible();
  await ferryd.stop();
  await expect(page.getByRole('heading', { name: "Ferry's service is not running" })).toBeVisible();
  await expect(page.getByText('sudo systemctl start ferryd')).toBeVisible();
  await ferryd.start();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
