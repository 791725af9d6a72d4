// Takes the demo's screenshot from the running Chromium window (over its DevTools port): connected, charts drawn.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { sleep, waitFor } from '../lab/exec.js';

/** The DevTools port Chromium chose for --remote-debugging-port=0 (first line of DevToolsActivePort). */
async function devToolsPort(profileDir: string): Promise<number> {
  return waitFor('Chromium to open its DevTools port', async () => {
    try {
      const port = Number(readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
      return port > 0 ? port : undefined;
    } catch {
      return undefined;
    }
  }, 20_000, 200);
}

/**
 * Waits until the app shows Connected and a non-zero download rate, shows the one-minute chart window (the demo's
 * history is short), lets `settleSeconds` of traffic fill it, then saves a PNG.
 */
export async function screenshotApp(profileDir: string, path: string, settleSeconds: number): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${await devToolsPort(profileDir)}`);
  try {
    const page = browser.contexts()[0]?.pages()[0];
    if (!page) throw new Error('the Chromium window has no page');
    await page.getByRole('heading', { name: 'Connected' }).waitFor({ timeout: 60_000 });
    await page.locator('.tile-rx .tile-value').filter({ hasText: /^[1-9][\d.]* [kMG]bit\/s$/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('radiogroup', { name: 'Chart time window' }).getByRole('radio', { name: '1 min' }).click();
    await sleep(settleSeconds * 1000);
    await page.mouse.move(0, 0);
    await page.screenshot({ path });
  } finally {
    // Connected over CDP: this only disconnects; the window stays open for the user.
    await browser.close();
  }
}
