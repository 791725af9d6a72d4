// The Split tunnelling page against the real ferryd in the lab (issue 6): mode, rules by path and from installed apps
// (fixture .desktop files with an icon), caught processes and their byte counters, "Launch excluded", removal, and the
// problem banner; each step checked against `ferry split list --json` / `ferry status --json`. Screenshots light and dark.
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { SplitList } from '../../shared/src/protocol/split.js';
import { LAB } from '../lab/addressing.js';
import { waitFor } from '../lab/exec.js';
import { ferryOk } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import type { TrackedProcess } from '../lab/processes.js';
import { CATCH_DELAY_MS, SplitLab } from '../lab/split-lab.js';
import { openSection, shoot } from './app-page.js';
import { expect, test } from './fixtures.js';
import { importAndConnect } from './lab-app.js';

const SHOTS_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));
const TEST_APP = 'Ferry Test App';
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="11" fill="#0f9d74"/>'
  + '<path d="M13 30c6-12 16-12 22 0" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/><circle cx="24" cy="17" r="5" fill="#fff"/></svg>';

let lab: Lab;
let split: SplitLab;
let listed: string;
let iconApp: string;
let savedDataDirs: string | undefined;

/** An XDG data directory with one application entry and its icon from the hicolor theme; then the system's own entries. */
function writeDesktopFixtures(): string {
  const share = join(split.appDir, 'share');
  mkdirSync(join(share, 'applications'), { recursive: true });
  mkdirSync(join(share, 'icons', 'hicolor', 'scalable', 'apps'), { recursive: true });
  writeFileSync(join(share, 'applications', 'ferry-test-app.desktop'),
    `[Desktop Entry]\nType=Application\nName=${TEST_APP}\nExec=${iconApp} %U\nIcon=ferry-test-app\n`);
  writeFileSync(join(share, 'icons', 'hicolor', 'scalable', 'apps', 'ferry-test-app.svg'), ICON_SVG);
  return share;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  lab = await createLab({ name: 'ferrysp' });
  split = new SplitLab(lab);
  listed = split.app('listed-app');
  iconApp = split.app('icon-app');
  // The app process (browser host) passes its XDG_DATA_DIRS to split.apps, as a desktop session's app would.
  savedDataDirs = process.env.XDG_DATA_DIRS;
  process.env.XDG_DATA_DIRS = `${writeDesktopFixtures()}:/usr/share`;
  await split.startFerryd();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('ferryd.log', { body: lab.ferrydLogs() });
});

test.afterAll(async () => {
  if (savedDataDirs === undefined) delete process.env.XDG_DATA_DIRS;
  else process.env.XDG_DATA_DIRS = savedDataDirs;
  await lab?.destroy();
  split?.cleanUp();
});

function ruleItem(page: Page, name: string) {
  return page.getByRole('list', { name: 'Split tunnelling rules' }).getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

async function rulePaths(): Promise<string[]> {
  return (await split.splitList()).rules.map((rule) => rule.path);
}

/** Finds the fixture app by search (with its icon as a data: URL) and lists it with its switch. */
async function listInstalledApp(page: Page): Promise<void> {
  const apps = page.getByRole('list', { name: 'Installed applications' });
  const search = page.getByRole('searchbox', { name: 'Search applications' });
  await search.fill('ferry test');
  await expect(apps.getByRole('listitem')).toHaveCount(1);
  await expect(apps.getByRole('listitem')).toContainText(iconApp);
  const appSwitch = apps.getByRole('switch', { name: TEST_APP });
  await expect(appSwitch).toHaveAttribute('aria-checked', 'false');
  await expect(apps.getByRole('listitem').locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await appSwitch.click();
  await expect(appSwitch).toHaveAttribute('aria-checked', 'true');
  expect((await split.splitList()).rules.find((rule) => rule.path === iconApp)).toMatchObject({ name: TEST_APP, requestedPath: iconApp });
  await expect(ruleItem(page, TEST_APP).locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await search.fill('no such application');
  await expect(page.getByText('No application matches “no such application”.')).toBeVisible();
  await search.fill('');
}

/** "Launch excluded…" with one argument; the PID ferryd lists in its manual group, checked to be in that cgroup. */
async function launchExcluded(page: Page, program: string, argument: string): Promise<number> {
  await page.getByRole('button', { name: 'Launch excluded…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Launch excluded' });
  await dialog.getByLabel('Program').fill(program);
  await dialog.getByLabel('Arguments (optional)').fill(argument);
  await dialog.getByRole('button', { name: 'Launch' }).click();
  await expect(dialog).toBeHidden();
  const command = program.split('/').at(-1);
  const launched = await waitFor('the launched program in split list', async () => {
    const list: SplitList = await split.splitList();
    return list.manual.processes.find((process) => process.command === command);
  }, 10_000);
  // The program itself (the gate exec'd it: same PID) sits in the manual group's cgroup, as this process's user.
  expect(readFileSync(`/proc/${launched.pid}/cgroup`, 'utf8')).toContain(`/${split.cgroupPrefix}-exclude/manual\n`);
  expect(launched).toMatchObject({ exe: realpathSync(program), uid: process.getuid?.() });
  await expect(page.getByRole('list', { name: 'Processes of Launched or added by PID' }).getByRole('listitem')).toHaveText(`${launched.pid} ${command}`);
  return launched.pid;
}

/** The page at 1000×700 (top, then the installed apps) and at 800×600, in the page's colour scheme. */
async function shootPage(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await expect(page.locator('img.app-icon').first()).toBeVisible();
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
  await shoot(page, `${SHOTS_DIR}split-${scheme}.png`);
  await page.getByRole('heading', { name: 'Installed applications' }).scrollIntoViewIfNeeded();
  await shoot(page, `${SHOTS_DIR}split-apps-${scheme}.png`);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
  await shoot(page, `${SHOTS_DIR}split-800x600-${scheme}.png`);
}

test('mode, rules by path and from installed apps, caught processes with their bytes, launch and removal', async ({ openAppAt }) => {
  test.setTimeout(240_000);
  const page = await openAppAt(lab.socketPath);
  await importAndConnect(page, lab, 'Lab', { fullTunnel: true });
  await openSection(page, 'Split tunnelling');

  // Mode: from the page to ferryd (and `ferry status`).
  const modes = page.getByRole('radiogroup', { name: 'Split tunnelling mode' });
  await expect(modes.getByRole('radio', { name: 'Off', exact: true })).toHaveAttribute('aria-checked', 'true');
  await modes.getByRole('radio', { name: 'Exclude listed apps' }).click();
  await expect.poll(async () => (await split.splitList()).mode).toBe('exclude');
  expect(await lab.ferryJson<{ split: unknown }>(['status'])).toMatchObject({ state: 'connected', split: { mode: 'exclude', enforced: true, problem: null } });
  await expect(page.getByRole('heading', { level: 2, name: 'Apps that bypass the VPN' })).toBeVisible();
  await expect(page.getByText('Not enforced while disconnected')).toHaveCount(0);

  // Add by path: ferryd's refusal shown inline, nothing added; then the real path.
  const addPath = page.getByLabel('Add a program by path');
  await addPath.fill('bin/listed-app');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('not an absolute path: "bin/listed-app"');
  await expect(addPath).toHaveAttribute('aria-invalid', 'true');
  expect(await rulePaths()).toEqual([]);
  await addPath.fill(listed);
  await addPath.press('Enter');
  await expect(ruleItem(page, 'listed-app')).toBeVisible();
  await expect(addPath).toHaveValue('');
  expect(await rulePaths()).toEqual([listed]);

  // An installed application from the fixture entries: found by search, with its icon; its switch adds the rule.
  await listInstalledApp(page);

  // A listed program started in the client namespace: caught, shown with its PID, its bytes counted as bypassing.
  const listedRule = ruleItem(page, 'listed-app');
  const bypassing = listedRule.locator('dt:text-is("Bypassing") + dd');
  await expect(bypassing).toHaveText('0 B sent · 0 B received');
  let probe: TrackedProcess | undefined;
  let launchedPid: number | undefined;
  try {
    probe = split.spawnProbe(listed, LAB.serviceV4, { delayMs: CATCH_DELAY_MS, holdMs: 90_000 });
    const processes = page.getByRole('list', { name: 'Processes of listed-app' });
    // Its loader's helper process (a child) is caught too: children follow their parent.
    await expect(processes).toContainText(`${probe.pid} listed-app`);
    const running = probe;
    expect(await waitFor('the probe\'s answer', async () => running.output().split('\n').find((line) => /^[0-9.]+$/.test(line)), 10_000)).toBe(LAB.client.v4);
    await expect(bypassing).not.toHaveText('0 B sent · 0 B received');
    await expect(bypassing).toHaveText(/^[1-9][\d.]* (B|KiB) sent · [1-9][\d.]* (B|KiB) received$/);
    await expect(listedRule.locator('dt:text-is("Through the VPN") + dd')).toHaveText('0 B sent · 0 B received');
    const counters = (await split.splitList()).rules.find((rule) => rule.path === listed)?.counters;
    expect(counters?.directTxBytes).toBeGreaterThan(0);

    // Launch excluded: started by the app process as its user, moved before it runs, shown among the processes.
    launchedPid = await launchExcluded(page, '/usr/bin/sleep', '90');

    await shootPage(page, 'light');
    const dark = await openAppAt(lab.socketPath, { colorScheme: 'dark' });
    await openSection(dark, 'Split tunnelling');
    await expect(ruleItem(dark, 'listed-app').getByRole('list', { name: 'Processes of listed-app' })).toBeVisible();
    await shootPage(dark, 'dark');
  } finally {
    await probe?.stop();
    if (launchedPid !== undefined) process.kill(launchedPid, 'SIGKILL');
  }

  // Removing a rule: gone in ferryd, and its app's switch is off again.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.getByRole('button', { name: 'Remove listed-app' }).click();
  await expect(ruleItem(page, 'listed-app')).toHaveCount(0);
  expect(await rulePaths()).toEqual([iconApp]);
  await page.getByRole('button', { name: `Remove ${TEST_APP}` }).click();
  await expect(page.getByRole('list', { name: 'Installed applications' }).getByRole('switch', { name: TEST_APP })).toHaveAttribute('aria-checked', 'false');
  expect(await rulePaths()).toEqual([]);
  expect((await lab.ferry(['split', 'list'])).stdout).not.toContain(listed);

  // The mode by keyboard: arrow keys move between the cards, like native radios; the page follows the mode.
  await modes.getByRole('radio', { name: 'Exclude listed apps' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(modes.getByRole('radio', { name: 'Only listed apps use the VPN' })).toBeFocused();
  await expect(modes.getByRole('radio', { name: 'Only listed apps use the VPN' })).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await split.splitList()).mode).toBe('include');
  await expect(page.getByRole('heading', { level: 2, name: 'Apps that use the VPN' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Launch through VPN…' })).toBeEnabled();

  // Disconnected: the page says the list waits for a tunnel.
  await ferryOk(lab, ['disconnect']);
  await expect(page.getByRole('status').filter({ hasText: 'Not enforced while disconnected' })).toBeVisible();
});

test('a host without cgroup v2: the page says why split tunnelling is not enforced and what to do', async ({ openAppAt }) => {
  test.setTimeout(120_000);
  await ferryOk(lab, ['split', 'mode', 'exclude']);
  await lab.ferryd.stop();
  const mountInfo = join(lab.workDir, 'mountinfo-without-cgroup2');
  writeFileSync(mountInfo, readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((line) => !line.includes(' - cgroup2 ')).join('\n'));
  await split.startFerryd({ FERRY_SPLIT_MOUNTINFO: mountInfo });
  const page = await openAppAt(lab.socketPath);
  await openSection(page, 'Split tunnelling');
  const banner = page.getByRole('alert').filter({ hasText: 'Split tunnelling cannot be enforced' });
  await expect(banner).toContainText('cgroup v2 is not mounted');
  await expect(banner).toContainText('systemd.unified_cgroup_hierarchy=1');
  await shoot(page, `${SHOTS_DIR}split-problem-light.png`);
  expect(await split.splitList()).toMatchObject({ mode: 'exclude', enforced: false, problem: { reason: 'no-cgroup2' } });
});
