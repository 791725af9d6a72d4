// Opens the app against a ferryd socket: the browser host + Chromium page, or Electron through Playwright's _electron.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { REPO_ROOT as ROOT } from '../lab/repo.js';
import { ProcessTracker } from '../lab/processes.js';
import { ELECTRON_MAIN, findElectron } from './electron-binary.js';

export interface LaunchedApp {
  page: Page;
  /** Uncaught exceptions and console errors of the page (a CSP violation shows up here too). */
  errors: string[];
  close(): Promise<void>;
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/;

/** Starts `node dist/app/host/main.js --socket …` and resolves with the URL it prints. */
async function startHost(socketPath: string, processes: ProcessTracker, env: NodeJS.ProcessEnv): Promise<string> {
  let resolveUrl: (url: string) => void = () => undefined;
  const printed = new Promise<string>((resolve) => (resolveUrl = resolve));
  const host = processes.spawn(process.execPath, [`${ROOT}dist/app/host/main.js`, '--socket', socketPath], {
    cwd: ROOT,
    env,
    onLine: (line) => {
      const match = URL_PATTERN.exec(line);
      if (match?.[1]) resolveUrl(match[1]);
    },
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the host printed no URL:\n${host.output()}`)), 15_000));
  return Promise.race([printed, timeout]);
}

/**
 * The app's per-user files (launch at login's autostart entry) go to `configHome`, or to a fresh temporary folder that
 * is removed afterwards: a spec never writes to the real ~/.config.
 */
function privateConfigHome(configHome: string | undefined): { path: string; remove(): void } {
  if (configHome !== undefined) return { path: configHome, remove: () => undefined };
  const path = mkdtempSync(join(tmpdir(), 'ferry-ui-config-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function launchInBrowser(browser: Browser, socketPath: string, colorScheme: 'light' | 'dark' = 'light', configHome?: string): Promise<LaunchedApp> {
  const processes = new ProcessTracker();
  const config = privateConfigHome(configHome);
  const url = await startHost(socketPath, processes, { ...process.env, XDG_CONFIG_HOME: config.path });
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, colorScheme });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  return { page, errors, close: async () => { await context.close(); await processes.stopAll(); config.remove(); } };
}

export async function launchInElectron(socketPath: string, configHome?: string): Promise<LaunchedApp> {
  const electron = findElectron();
  if (!electron.ok) throw new Error(electron.message);
  const config = privateConfigHome(configHome);
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app: ElectronApplication = await _electron.launch({
    executablePath: electron.path,
    args: [...rootArgs, ELECTRON_MAIN],
    env: { ...process.env, FERRY_SOCKET: socketPath, XDG_CONFIG_HOME: config.path } as Record<string, string>,
  });
  const page = await app.firstWindow();
  return { page, errors: collectErrors(page), close: async () => { await app.close(); config.remove(); } };
}
