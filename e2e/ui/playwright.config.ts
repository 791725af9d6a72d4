// Playwright for the app: the same specs in Debian's Chromium (through the browser host) and, where its binary exists, in Electron.
import { defineConfig, type Project } from '@playwright/test';
import { findElectron } from './electron-binary.js';

/** Chromium as root needs --no-sandbox; the rest stops it from reaching for the internet (lab.md). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Both projects can launch Debian's Chromium (the electron project only needs it if a spec asks for a browser). */
const CHROMIUM = { browserName: 'chromium' as const, launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } };

const electron = findElectron();
const argv = process.argv;
// Workers load this file again without the command line: the choice travels in the environment.
const electronSelected = process.env.FERRY_UI_ELECTRON_SELECTED === '1'
  || argv.some((arg, i) => arg === '--project=electron' || (arg === '--project' && argv[i + 1] === 'electron'));
if (electronSelected) process.env.FERRY_UI_ELECTRON_SELECTED = '1';
const isMainProcess = process.env.TEST_WORKER_INDEX === undefined;

if (!electron.ok && !electronSelected && isMainProcess) {
  process.stderr.write(`[ui] electron project: NOT RUN — ${electron.message}\n`);
}

const electronProject: Project[] = electron.ok
  ? [{ name: 'electron', testIgnore: /electron-unavailable\.spec\.ts/, use: CHROMIUM }]
  // Asked for by name but impossible: a failing spec says why, so it is never counted as passed.
  : electronSelected ? [{ name: 'electron', testMatch: /electron-unavailable\.spec\.ts/ }] : [];

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../results/ui',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1000, height: 700 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron-unavailable\.spec\.ts/,
      use: CHROMIUM,
    },
    ...electronProject,
  ],
});
