// Connecting for real, in the network lab (ferryd in the client namespace, wireguard-go server): state, live numbers, charts, history.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createLab, type Lab } from '../lab/lab.js';
import { openSection, pasteImport, profileListEntry, shoot } from './app-page.js';
import { expect, test } from './fixtures.js';

const SHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const TRANSFER_BYTES = 200 * 1024 * 1024;

let lab: Lab;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lab = await createLab({ name: 'ferryui' });
  await lab.startFerryd();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('ferryd.log', { body: lab.ferrydLogs() });
});

test.afterAll(async () => {
  await lab?.destroy();
});

/** Imports a fresh lab profile through the app and connects to it from Home. */
async function importAndConnect(page: Page, name: string): Promise<void> {
  const profile = await lab.makeClientProfile();
  await pasteImport(page, profile.text, name);
  await expect(profileListEntry(page, name)).toBeVisible();
  await openSection(page, 'Home');
  await page.getByLabel('Profile').selectOption(name);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'Connected' })).toBeVisible({ timeout: 30_000 });
}

/** The little of a canvas this spec reads (e2e/ compiles without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}

/** Non-blank pixels of a chart canvas (uPlot draws series paths there). */
async function drawnPixels(page: Page, chartLabel: string): Promise<number> {
  const canvas = page.getByRole('img', { name: chartLabel }).locator('canvas');
  return canvas.evaluate((element) => {
    const target = element as unknown as CanvasLike;
    const { data } = target.getContext('2d').getImageData(0, 0, target.width, target.height);
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
    return drawn;
  });
}

test('connect, watch traffic move on the charts, reload and find them refilled, disconnect', async ({ openAppAt }) => {
  test.setTimeout(120_000);
  const page = await openAppAt(lab.socketPath);
  await importAndConnect(page, 'Lab');
  const status = await lab.ferryJson<{ state: string }>(['status']);
  expect(status.state).toBe('connected');

  // Watched while it runs: the rate is an average over the last seconds and falls back to zero afterwards.
  const transfer = lab.tcpTransfer('client', 'server', lab.addresses.tunnel.serverV4, 'down', TRANSFER_BYTES);
  await expect(page.locator('.tile-rx .tile-value')).toHaveText(/^[1-9][\d.]* [kMG]bit\/s$/, { timeout: 20_000 });
  expect((await transfer).ok).toBe(true);
  await expect(page.locator('.tile-rx .tile-sub')).toHaveText(/\d+ (MiB|GiB) received/);
  const throughput = 'Throughput over the last 5 minutes';
  await expect(page.getByRole('img', { name: throughput }).locator('..').locator('.chart-empty')).toHaveCount(0);
  expect(await drawnPixels(page, throughput)).toBeGreaterThan(0);
  await shoot(page, `${SHOTS_DIR}home-connected-light.png`);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Connected' })).toBeVisible();
  // Refilled from stats.history: the samples from before the reload are in the chart at once.
  const frame = page.getByRole('img', { name: throughput }).locator('..');
  await expect.poll(async () => Number(await frame.getAttribute('data-sample-count')), { timeout: 3_000 }).toBeGreaterThan(5);
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, `${SHOTS_DIR}home-connected-dark.png`);

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible({ timeout: 20_000 });
});

test('latency is measured through the tunnel and shown', async ({ openAppAt }) => {
  test.setTimeout(60_000);
  const page = await openAppAt(lab.socketPath);
  await importAndConnect(page, 'Latency');
  await expect(page.locator('.tile-latency .tile-value')).toHaveText(/\d+(\.\d)? ms/, { timeout: 15_000 });
  expect(await drawnPixels(page, 'Latency over the last 5 minutes')).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Disconnect' }).click();
});
