// Screenshots of Home, Profiles (form and text), Routes & DNS and Settings in light and dark (e2e/screenshots/), against a
// real ferryd with two profiles; and the same pages at the smallest window size (800×600).
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';
import { openSection, profileListEntry, shoot } from './app-page.js';
import { sampleProfileText } from './profile-text.js';

const SHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

for (const scheme of ['light', 'dark'] as const) {
  test(`Home, Profiles, Routes & DNS and Settings (${scheme})`, async ({ ferryd, openApp }) => {
    await ferryd.call('profile.import', { name: 'Office', text: sampleProfileText().text });
    await ferryd.call('profile.import', { name: 'Home lab', text: sampleProfileText().text.replace('0.0.0.0/0, ::/0', '10.66.0.0/24, fd66::/64') });
    const page = await openApp({ colorScheme: scheme });
    await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible();
    await shoot(page, `${SHOTS_DIR}home-${scheme}.png`);
    await openSection(page, 'Profiles');
    await profileListEntry(page, 'Office').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Office' })).toBeVisible();
    await shoot(page, `${SHOTS_DIR}profiles-${scheme}.png`);
    await page.getByRole('tab', { name: 'Text' }).click();
    await shoot(page, `${SHOTS_DIR}profile-text-${scheme}.png`);
    await openSection(page, 'Routes & DNS');
    await page.getByRole('switch', { name: 'Exclude private networks' }).click();
    await page.getByLabel('Add a network').fill('10.20.0.0/16');
    await page.getByLabel('Add a network').press('Enter');
    await shoot(page, `${SHOTS_DIR}routes-${scheme}.png`);
    // Saved, so that leaving the page does not ask "Discard changes?" (and the small-window shot shows the same routes).
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    await openSection(page, 'Settings');
    await shoot(page, `${SHOTS_DIR}settings-${scheme}.png`);
    await page.setViewportSize({ width: 800, height: 600 });
    await openSection(page, 'Routes & DNS');
    await shoot(page, `${SHOTS_DIR}routes-800x600-${scheme}.png`);
    await openSection(page, 'Home');
    await shoot(page, `${SHOTS_DIR}home-800x600-${scheme}.png`);
  });
}
