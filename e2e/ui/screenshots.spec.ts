// Screenshots of Home, Profiles and Settings in light and dark (e2e/screenshots/), against a real ferryd with one profile.
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';
import { openSection, shoot } from './app-page.js';
import { sampleProfileText } from './profile-text.js';

const SHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

for (const scheme of ['light', 'dark'] as const) {
  test(`Home, Profiles and Settings (${scheme})`, async ({ ferryd, openApp }) => {
    await ferryd.call('profile.import', { name: 'Office', text: sampleProfileText().text });
    const page = await openApp({ colorScheme: scheme });
    await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible();
    await shoot(page, `${SHOTS_DIR}home-${scheme}.png`);
    await openSection(page, 'Profiles');
    await expect(page.getByRole('heading', { level: 2, name: 'Office' })).toBeVisible();
    await shoot(page, `${SHOTS_DIR}profiles-${scheme}.png`);
    await openSection(page, 'Settings');
    await shoot(page, `${SHOTS_DIR}settings-${scheme}.png`);
    await page.setViewportSize({ width: 800, height: 600 });
    await openSection(page, 'Home');
    await shoot(page, `${SHOTS_DIR}home-800x600-${scheme}.png`);
  });
}
