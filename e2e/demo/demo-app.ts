// Opens the Ferry app on the demo's ferryd: Electron where its binary exists, else Debian's Chromium through the browser
// host; without a display it says so and prints the host's address. Every process is the lab's, stopped by PID.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/lab.js';
import { run } from '../lab/exec.js';
import { REPO_ROOT } from '../lab/repo.js';
import { ELECTRON_MAIN, findElectron } from '../ui/electron-binary.js';

export const CHROMIUM = '/usr/bin/chromium';
/** Chromium as root needs --no-sandbox (--test-type hides the warning bar); the rest keeps it off the internet (lab.md). */
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--test-type', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--password-store=basic', '--window-size=1100,880',
];
const HOST_URL = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/;

export type OpenedApp =
  | { kind: 'electron' | 'chromium'; closed: Promise<unknown>; profileDir: string | null }
  | { kind: 'no-display'; url: string };

function hasDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The renderer bundle is not part of `npm run build`: make sure the app the demo opens is the checkout's. */
export async function buildApp(): Promise<void> {
  await run('npm', ['run', '--silent', 'build:app'], { cwd: REPO_ROOT, timeoutMs: 180_000 });
}

/** Starts the browser host on the demo's socket and resolves with the address it prints. */
async function startHost(lab: Lab): Promise<string> {
  let resolveUrl: (url: string) => void = () => undefined;
  const printed = new Promise<string>((resolve) => (resolveUrl = resolve));
  const host = lab.processes.spawn(process.execPath, [join(REPO_ROOT, 'dist/app/host/main.js'), '--socket', lab.socketPath], {
    cwd: REPO_ROOT,
    onLine: (line) => {
      const match = HOST_URL.exec(line);
      if (match?.[1]) resolveUrl(match[1]);
    },
  });
  const failed = host.exited.then((code) => { throw new Error(`the browser host exited (${code}):\n${host.output()}`); });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the browser host printed no address')), 20_000));
  return Promise.race([printed, failed, timeout]);
}

export async function openDemoApp(lab: Lab, env: NodeJS.ProcessEnv = process.env): Promise<OpenedApp> {
  const electron = findElectron(env);
  if (electron.ok && hasDisplay(env)) {
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = lab.processes.spawn(electron.path, [...rootArgs, ELECTRON_MAIN, '--socket', lab.socketPath], { cwd: REPO_ROOT });
    return { kind: 'electron', closed: app.exited, profileDir: null };
  }
  const url = await startHost(lab);
  if (!hasDisplay(env) || !existsSync(CHROMIUM)) return { kind: 'no-display', url };
  const profileDir = join(lab.workDir, 'chromium-profile');
  const browser = lab.processes.spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', `--app=${url}`], { cwd: REPO_ROOT });
  return { kind: 'chromium', closed: browser.exited, profileDir };
}
