// Test fixtures: a fresh real ferryd per test, and the app opened against a socket in the project's runtime (Chromium or Electron).
import { test as base, expect, type Page } from '@playwright/test';
import { launchInBrowser, launchInElectron, type LaunchedApp } from './app-launcher.js';
import { TestFerryd } from './test-ferryd.js';

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  /** XDG_CONFIG_HOME of the app process (default: a temporary folder of its own). */
  configHome?: string;
}

interface UiFixtures {
  ferryd: TestFerryd;
  /** Opens the app against any ferryd socket; every app opened is closed after the test. */
  openAppAt(socketPath: string, options?: OpenOptions): Promise<Page>;
  /** Opens the app against the `ferryd` fixture. */
  openApp(options?: OpenOptions): Promise<Page>;
}

export const test = base.extend<UiFixtures>({
  ferryd: async ({}, use, testInfo) => {
    const ferryd = new TestFerryd();
    await ferryd.start();
    await use(ferryd);
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('ferryd.log', { body: ferryd.logs() });
    await ferryd.destroy();
  },
  openAppAt: async ({ browser }, use, testInfo) => {
    const opened: LaunchedApp[] = [];
    await use(async (socketPath, options = {}) => {
      const app = testInfo.project.name === 'electron'
        ? await launchInElectron(socketPath, options.configHome)
        : await launchInBrowser(browser, socketPath, options.colorScheme, options.configHome);
      opened.push(app);
      return app.page;
    });
    for (const app of opened) await app.close();
    const errors = opened.flatMap((app) => app.errors);
    expect(errors, 'the page logged errors').toEqual([]);
  },
  openApp: async ({ ferryd, openAppAt }, use) => {
    await use((options) => openAppAt(ferryd.socketPath, options));
  },
});

export { expect } from '@playwright/test';
