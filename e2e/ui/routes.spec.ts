// Routes & DNS against the real ferryd in the lab: edits are saved through profile.update and, after "Reconnect now"
// (a connect with restart: the state never passes disconnected), show up as routes in the client namespace (a custom
// network; then full IPv4 without private networks).
import type { Page } from '@playwright/test';
import { FerryClient } from '../../helper/src/ipc/client.js';
import type { ConnectionState } from '../../shared/src/protocol/state.js';
import { LAB } from '../lab/addressing.js';
import { fullStatus, waitForStatus } from '../lab/block-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { openSection } from './app-page.js';
import { expect, test } from './fixtures.js';
import { clientRoutes, importAndConnect, routeDevice } from './lab-app.js';

let lab: Lab;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lab = await createLab({ name: 'ferryrt' });
  await lab.startFerryd();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('ferryd.log', { body: lab.ferrydLogs() });
});

test.afterAll(async () => {
  await lab?.destroy();
});

/** Every state ferryd announces (its `state` events, repeats folded) from now until `stop`. */
async function recordStates(): Promise<{ states: ConnectionState[]; stop(): void }> {
  const client = await FerryClient.connect(lab.socketPath, { clientName: 'routes-spec', connectTimeoutMs: 2000 });
  const states: ConnectionState[] = [];
  await client.subscribe(['state'], (event) => {
    if (event.event === 'state' && states.at(-1) !== event.data.state) states.push(event.data.state);
  });
  return { states, stop: () => client.close() };
}

/**
 * Saves the Routes page, checks the "reconnect to apply" notice, reconnects from it and waits for the new tunnel —
 * which replaced the old one without ever being disconnected (so a kill switch's block would have stayed up).
 */
async function saveAndReconnect(page: Page): Promise<void> {
  const before = (await fullStatus(lab)).since;
  await page.getByRole('button', { name: 'Save' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'still uses the previous settings' });
  await expect(notice).toBeVisible();
  const recorder = await recordStates();
  try {
    await notice.getByRole('button', { name: 'Reconnect now' }).click();
    await expect(notice).toHaveCount(0);
    await waitForStatus(lab, 'a new connected tunnel', (status) => status.state === 'connected' && status.since !== before, 30_000);
    await expect.poll(() => recorder.states.at(-1)).toBe('connected');
    expect(recorder.states).toEqual(['disconnecting', 'connecting', 'connected']);
  } finally {
    recorder.stop();
  }
}

test('a custom route and "exclude private networks" reach the client namespace after Reconnect now', async ({ openAppAt }) => {
  test.setTimeout(120_000);
  const page = await openAppAt(lab.socketPath);
  await importAndConnect(page, lab, 'Lab');
  const device = (await fullStatus(lab)).interfaceName ?? 'ferry0';
  expect(await routeDevice(lab, LAB.serviceV4)).not.toBe(device);
  expect(await lab.whoami('client', LAB.serviceV4)).toBe(LAB.client.v4);

  await openSection(page, 'Routes & DNS');
  const custom = page.getByRole('list', { name: 'Custom routes' });
  await expect(custom.getByRole('listitem')).toHaveText([LAB.tunnel.networkV4, LAB.tunnel.networkV6]);
  const addNetwork = page.getByLabel('Add a network');
  await addNetwork.fill(`${LAB.serviceV4}/24`);
  await addNetwork.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('198.18.0.1/24 has host bits set: did you mean 198.18.0.0/24?');
  await expect(addNetwork).toHaveAttribute('aria-invalid', 'true');
  await addNetwork.fill(LAB.serviceV4);
  await addNetwork.press('Enter');
  await expect(custom.getByRole('listitem').last()).toHaveText(`${LAB.serviceV4}/32`);

  await saveAndReconnect(page);
  const shown = await lab.ferryJson<{ profile: { peers: { allowedIps: string[] }[] } }>(['profile', 'show', 'Lab']);
  expect(shown.profile.peers[0]?.allowedIps).toEqual([LAB.tunnel.networkV4, LAB.tunnel.networkV6, `${LAB.serviceV4}/32`]);
  expect(await clientRoutes(lab)).toContain(`${LAB.serviceV4} dev ${device} scope link`);
  expect(await lab.whoami('client', LAB.serviceV4)).toBe(LAB.server.v4);

  // Everything on IPv4 but the local network: the complement of the private ranges (and of the server's address).
  await page.getByRole('switch', { name: 'Send all IPv4 traffic' }).click();
  const exclude = page.getByRole('switch', { name: 'Exclude private networks' });
  await exclude.click();
  await expect(exclude).toHaveAttribute('aria-checked', 'true');
  await saveAndReconnect(page);
  const routes = await clientRoutes(lab);
  expect(routes).toContain(`0.0.0.0/5 dev ${device} scope link`);
  expect(routes.some((route) => route.startsWith('0.0.0.0/0 ') || route.startsWith('default dev'))).toBe(false);
  expect(await routeDevice(lab, LAB.otherV4)).toBe(device);
  expect(await lab.whoami('client', LAB.otherV4)).toBe(LAB.server.v4);
  expect(await routeDevice(lab, '192.168.1.20')).not.toBe(device);
  expect(await routeDevice(lab, '10.1.2.3')).not.toBe(device);
  expect(await routeDevice(lab, LAB.server.v4)).not.toBe(device);
  // Everything public goes through the tunnel, so the kill switch's "Full tunnel" default blocks the rest; a restart
  // (here from the CLI) keeps that block: the same one, since the same moment.
  const blocked = await fullStatus(lab);
  expect(blocked).toMatchObject({ state: 'connected', blockedBy: 'killSwitch' });
  await lab.ferryJson(['connect', 'Lab', '--restart', '--wait']);
  expect(await fullStatus(lab)).toMatchObject({ state: 'connected', blockedBy: 'killSwitch', blockedSince: blocked.blockedSince });
  expect(await lab.whoami('client', LAB.otherV4)).toBe(LAB.server.v4);
  // Read back as switches, not as a wall of custom routes.
  await page.reload();
  await openSection(page, 'Routes & DNS');
  await expect(page.getByRole('switch', { name: 'Send all IPv4 traffic' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('switch', { name: 'Exclude private networks' })).toHaveAttribute('aria-checked', 'true');
  await expect(custom.getByRole('listitem')).toHaveCount(3);

  await openSection(page, 'Home');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('heading', { name: 'Not connected' })).toBeVisible({ timeout: 20_000 });
});

test('DNS servers are saved with the profile and invalid ones are refused inline', async ({ openAppAt }) => {
  const file = lab.writeProfileFile('dns.conf', (await lab.makeClientProfile()).text);
  await lab.ferryJson(['profile', 'import', file, '--name', 'DnsLab']);
  const page = await openAppAt(lab.socketPath);
  await openSection(page, 'Routes & DNS');
  await page.getByLabel('Profile').selectOption('DnsLab');
  const addDns = page.getByLabel('Add a DNS server');
  await addDns.fill('10.66.0.300');
  await page.getByRole('button', { name: 'Add', exact: true }).nth(1).click();
  await expect(page.getByRole('alert')).toHaveText("'10.66.0.300' is not an IPv4 or IPv6 address.");
  await addDns.fill(LAB.tunnel.serverV4);
  await addDns.press('Enter');
  await page.getByLabel('Add a search domain').fill('lab.example');
  await page.getByLabel('Add a search domain').press('Enter');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await lab.ferryJson<{ profile: { interface: { dns: string[]; dnsSearch: string[] } } }>(['profile', 'show', 'DnsLab'])).profile.interface)
    .toMatchObject({ dns: [LAB.tunnel.serverV4], dnsSearch: ['lab.example'] });
  await page.getByRole('list', { name: 'DNS servers' }).getByRole('button', { name: `Remove ${LAB.tunnel.serverV4}` }).click();
  await page.getByRole('button', { name: 'Revert' }).click();
  await expect(page.getByRole('list', { name: 'DNS servers' }).getByRole('listitem')).toHaveText([LAB.tunnel.serverV4]);
});
