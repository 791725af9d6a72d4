// The kill switch and lockdown from Settings, in the lab: each choice reaches ferryd, and `ferry status --json` (the CLI
// on the same socket) reports the block the app shows — for a full tunnel, a split tunnel, and while disconnected.
import type { Page } from '@playwright/test';
import { fullStatus, hasFerryTable, waitForStatus } from '../lab/block-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { openSection } from './app-page.js';
import { expect, test } from './fixtures.js';
import { importAndConnect } from './lab-app.js';

let lab: Lab;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lab = await createLab({ name: 'ferryks' });
  await lab.startFerryd();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('ferryd.log', { body: lab.ferrydLogs() });
});

test.afterAll(async () => {
  await lab?.destroy();
});

type Block = 'killSwitch' | 'lockdown' | null;

async function expectBlock(what: string, blockedBy: Block): Promise<void> {
  await waitForStatus(lab, what, (status) => status.blockedBy === blockedBy, 10_000);
  expect(await hasFerryTable(lab)).toBe(blockedBy !== null);
}

async function disconnect(page: Page): Promise<void> {
  await openSection(page, 'Home');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible({ timeout: 20_000 });
}

test('the kill switch chosen in Settings is what `ferry status` reports', async ({ openAppAt }) => {
  test.setTimeout(120_000);
  const page = await openAppAt(lab.socketPath);
  await importAndConnect(page, lab, 'Full', { fullTunnel: true });
  // The default ("Full tunnel") blocks for a profile that sends everything through the tunnel.
  expect(await fullStatus(lab)).toMatchObject({ state: 'connected', blockedBy: 'killSwitch' });

  await openSection(page, 'Settings');
  const killSwitch = page.getByRole('radiogroup', { name: 'Kill switch' });
  await expect(killSwitch.getByRole('radio', { name: 'Full tunnel' })).toHaveAttribute('aria-checked', 'true');
  await killSwitch.getByRole('radio', { name: 'Off' }).click();
  await expectBlock('no block with the kill switch off', null);
  expect(await lab.ferryJson(['settings', 'get', 'killSwitch'])).toBe('off');
  await killSwitch.getByRole('radio', { name: 'Full tunnel' }).click();
  await expectBlock('the kill switch blocking again', 'killSwitch');
  expect(await lab.ferryJson(['settings', 'get', 'killSwitch'])).toBe('auto');

  // A split tunnel is protected only with "All profiles".
  await disconnect(page);
  await importAndConnect(page, lab, 'Split');
  await expectBlock('no block for a split tunnel', null);
  await openSection(page, 'Settings');
  await killSwitch.getByRole('radio', { name: 'All profiles' }).click();
  await expectBlock('the split tunnel blocked', 'killSwitch');
  expect(await lab.ferryJson(['settings', 'get', 'killSwitch'])).toBe('on');

  // Disconnected, only lockdown blocks; Home says which block is in force.
  await disconnect(page);
  await expectBlock('no block once disconnected', null);
  await openSection(page, 'Settings');
  await page.getByRole('switch', { name: 'Lockdown mode' }).click();
  await expectBlock('lockdown while disconnected', 'lockdown');
  await openSection(page, 'Home');
  await expect(page.getByText('Lockdown mode is blocking all traffic outside the tunnel.')).toBeVisible();
  await openSection(page, 'Settings');
  await page.getByRole('switch', { name: 'Lockdown mode' }).click();
  await expectBlock('the block lifted', null);
});
