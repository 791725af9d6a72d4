// Loss on the latency chart, in the lab: the server drops ferryd's probes for a few seconds, and the app shows the loss
// as a number and as red marks on the latency chart (beside the round trip, which keeps being drawn).
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { LAB } from '../lab/addressing.js';
import { createLab, type Lab } from '../lab/lab.js';
import { sleep } from '../lab/exec.js';
import { expect, test } from './fixtures.js';
import { importAndConnect } from './lab-app.js';

const SHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const LATENCY_CHART = 'Latency over the last 5 minutes';
const DROP_TABLE = 'ferryuiloss';

let lab: Lab;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lab = await createLab({ name: 'ferryloss' });
  await lab.startFerryd();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('ferryd.log', { body: lab.ferrydLogs() });
});

test.afterAll(async () => {
  await lab?.destroy();
});

/** The little of a canvas this spec reads (e2e/ compiles without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}

/** Pixels of the chart drawn in the loss colour (red, whatever the theme) and in the latency colour (green). */
async function pixelsByColour(page: Page, chartLabel: string): Promise<{ red: number; green: number }> {
  return page.getByRole('img', { name: chartLabel }).locator('canvas').evaluate((element) => {
    const canvas = element as unknown as CanvasLike;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let red = 0;
    let green = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
      if (a > 60 && r > 150 && g < 120 && b < 120) red++;
      if (a > 60 && g > 110 && r < 100) green++;
    }
    return { red, green };
  });
}

/** Drops ICMP echo requests from the client's tunnel address on the server (ferryd's probes), in the server namespace. */
async function dropProbes(on: boolean): Promise<void> {
  if (!on) {
    await lab.exec('server', 'nft', ['delete', 'table', 'inet', DROP_TABLE]);
    return;
  }
  await lab.exec('server', 'nft', ['add', 'table', 'inet', DROP_TABLE]);
  await lab.exec('server', 'nft', ['add', 'chain', 'inet', DROP_TABLE, 'input', '{ type filter hook input priority -10 ; }']);
  await lab.exec('server', 'nft', ['add', 'rule', 'inet', DROP_TABLE, 'input', 'ip', 'saddr', LAB.tunnel.clientV4, 'icmp', 'type', 'echo-request', 'drop']);
}

test('lost probes show as a loss figure and red marks on the latency chart', async ({ openAppAt }) => {
  test.setTimeout(90_000);
  const page = await openAppAt(lab.socketPath);
  await importAndConnect(page, lab, 'Probe');
  await expect(page.locator('.tile-latency .tile-value')).toHaveText(/^\d+(\.\d)? ms$/, { timeout: 15_000 });
  await expect(page.locator('.tile-latency .tile-sub')).toHaveText(/· 0% loss$/);
  expect((await pixelsByColour(page, LATENCY_CHART)).red).toBe(0);

  await dropProbes(true);
  await sleep(3_000);
  await dropProbes(false);
  const legend = page.getByRole('region', { name: 'Activity' }).getByText(/^Loss /);
  await expect(legend).toHaveText(/^Loss [1-9]\d*%$/, { timeout: 15_000 });
  await expect(page.locator('.tile-latency .tile-sub')).toHaveText(/· [1-9]\d*% loss$/);
  await expect.poll(async () => (await pixelsByColour(page, LATENCY_CHART)).red, { timeout: 5_000 }).toBeGreaterThan(0);
  expect((await pixelsByColour(page, LATENCY_CHART)).green).toBeGreaterThan(0);
  const charts = page.getByRole('region', { name: 'Activity' });
  await page.getByRole('radiogroup', { name: 'Chart time window' }).getByRole('radio', { name: '1 min' }).click();
  await page.mouse.move(0, 0);
  await charts.screenshot({ path: `${SHOTS_DIR}charts-loss-light.png`, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await charts.screenshot({ path: `${SHOTS_DIR}charts-loss-dark.png`, animations: 'disabled' });
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible({ timeout: 20_000 });
});
