// Keyboard and accessibility pass at the smallest window (800×600), light and dark: every control is reached by Tab,
// shows a focus ring, has an accessible name, fits the width; the main controls have their roles and names.
import type { Page } from '@playwright/test';
import { openSection, type Section } from './app-page.js';
import { expect, test } from './fixtures.js';
import { unreachedControls, walkFocus } from './focus-walk.js';
import { sampleProfileText } from './profile-text.js';

/** Controls each page must expose, by role and accessible name (what assistive technology announces). */
const LANDMARKS: Record<Section, [Parameters<Page['getByRole']>[0], string][]> = {
  'Home': [['button', 'Connect'], ['combobox', 'Profile'], ['radiogroup', 'Chart time window'], ['img', 'Throughput over the last 5 minutes'], ['img', 'Latency over the last 5 minutes'], ['region', 'Current traffic and latency']],
  'Profiles': [['list', 'Profiles'], ['button', 'Import…'], ['button', 'New profile'], ['tablist', 'Edit as'], ['button', 'Rename…'], ['button', 'Export'], ['button', 'Copy public key']],
  'Routes & DNS': [['switch', 'Send all IPv4 traffic'], ['switch', 'Send all IPv6 traffic'], ['switch', 'Exclude private networks'], ['list', 'Custom routes'], ['textbox', 'Add a network'], ['list', 'DNS servers'], ['textbox', 'Add a DNS server']],
  'Split tunnelling': [['radiogroup', 'Split tunnelling mode'], ['list', 'Split tunnelling rules'], ['textbox', 'Add a program by path'], ['button', 'Launch…'], ['searchbox', 'Search applications'], ['list', 'Installed applications']],
  'Settings': [['radiogroup', 'Kill switch'], ['switch', 'Lockdown mode'], ['switch', 'Allow local network'], ['switch', 'Connect automatically'], ['textbox', 'Latency probe target'], ['switch', 'Launch at login'], ['radiogroup', 'Theme']],
  'Logs': [['list', 'ferryd log'], ['radiogroup', 'Lowest level shown'], ['button', 'Copy the log shown'], ['button', 'Save the log shown to a file']],
};

for (const scheme of ['light', 'dark'] as const) {
  test(`every control is reachable by Tab, visibly focused and named, at 800×600 (${scheme})`, async ({ ferryd, openApp }) => {
    test.setTimeout(120_000);
    await ferryd.call('profile.import', { name: 'Office', text: sampleProfileText().text });
    const page = await openApp({ colorScheme: scheme });
    await page.setViewportSize({ width: 800, height: 600 });
    await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible();
    for (const section of Object.keys(LANDMARKS) as Section[]) {
      await openSection(page, section);
      for (const [role, name] of LANDMARKS[section]) await expect(page.getByRole(role, { name, exact: true }), `${section}: ${role} "${name}"`).toHaveCount(1);
      await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }).document.activeElement?.blur?.());
      const stops = await walkFocus(page);
      expect(stops.length, `${section}: Tab reaches controls`).toBeGreaterThan(5);
      expect(stops.filter((stop) => !stop.ringVisible).map((stop) => stop.description), `${section}: stops without a focus ring`).toEqual([]);
      expect(stops.filter((stop) => !stop.inViewport).map((stop) => stop.description), `${section}: stops outside the window`).toEqual([]);
      expect(await unreachedControls(page), `${section}: controls Tab never reached`).toEqual([]);
      for (const stop of stops) await expect(page.locator(`[data-focus-stop="${stop.index}"]`), `${section}: ${stop.description}`).toHaveAccessibleName(/\S/);
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, `${section}: no horizontal scrolling`).toBeLessThanOrEqual(0);
      // The next section starts from a clean slate.
      await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ removeAttribute(n: string): void }> } }).document;
        Array.from(doc.querySelectorAll('[data-focus-stop]')).forEach((element) => element.removeAttribute('data-focus-stop'));
      });
    }
  });
}
