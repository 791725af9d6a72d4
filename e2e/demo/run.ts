// `npm run demo`, Ferry's main job out of the box: a demo WireGuard server, ferryd in a client namespace, a "Demo" profile,
// traffic to watch, and the app opened on it (Electron, else Chromium through the browser host) — press Connect and
// watch the charts move. `--no-app` keeps to the terminal (live `ferry status`); `--seconds N` ends it by itself.
// Everything runs in namespaces the demo made (inside e2e/lab/sandbox.sh) and is removed when it ends.
import { LAB } from '../lab/addressing.js';
import { sleep } from '../lab/exec.js';
import { connect, importProfile } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { buildApp, openDemoApp, type OpenedApp } from './demo-app.js';
import { DEMO_USAGE, parseDemoOptions, type DemoOptions } from './demo-options.js';
import { screenshotApp } from './demo-screenshot.js';
import { DemoTraffic } from './demo-traffic.js';

const PROFILE_NAME = 'Demo';
const REFRESH_MS = 1_000;
const APP_STATUS_EVERY_MS = 5_000;
const SCREENSHOT_SETTLE_SECONDS = 40;

let stopRequested = false;
/** When --seconds runs out, counted from the start of the demo. */
let deadlineMs = Infinity;

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** The Demo profile: the tunnel network plus the internet host's first address (the second one stays direct). */
async function importDemo(lab: Lab): Promise<void> {
  const profile = await lab.makeClientProfile({
    allowedIps: [LAB.tunnel.networkV4, LAB.tunnel.networkV6, `${LAB.serviceV4}/32`],
    persistentKeepaliveSec: 25,
  });
  const path = await importProfile(lab, PROFILE_NAME, profile);
  say(`Imported ${path} as profile "${PROFILE_NAME}".`);
}

async function connectDemo(lab: Lab): Promise<void> {
  say(`Connecting "${PROFILE_NAME}"…`);
  await connect(lab, PROFILE_NAME);
  const tunnelled = await lab.whoami('client', LAB.serviceV4);
  const direct = await lab.whoami('client', LAB.otherV4);
  say(`Connected. The internet host sees ${LAB.serviceV4} traffic from ${tunnelled} (the server, through Ferry)`);
  say(`and ${LAB.otherV4} traffic from ${direct} (the client itself: not in AllowedIPs).`);
}

function describeApp(app: OpenedApp, options: DemoOptions): void {
  if (app.kind === 'no-display') {
    say('No display here (DISPLAY and WAYLAND_DISPLAY are unset), so no app window opens. The browser host serves it at');
    say(`  ${app.url}`);
    say('but the demo runs in a sandbox with a network of its own, so only a browser inside it can open that address.');
    say('Run the demo from a desktop session to get the app window. Meanwhile the demo connects and goes on here.');
    return;
  }
  say(`The Ferry app is open (${app.kind === 'electron' ? 'Electron' : 'Chromium, through the browser host'}).`);
  say(options.connect ? 'It is connecting now; watch the charts on Home.' : `Press Connect on Home (profile "${PROFILE_NAME}") and watch the charts move.`);
  say('Close the window or press Ctrl-C to end the demo.');
}

async function statusLine(lab: Lab): Promise<string> {
  const status = await lab.ferryJson<{ state: string; rxRateBps: number; txRateBps: number }>(['status']).catch(() => null);
  if (status === null) return 'ferryd is not answering';
  const mbit = (bytesPerSecond: number) => `${((bytesPerSecond * 8) / 1e6).toFixed(1)} Mbit/s`;
  return `${status.state}; down ${mbit(status.rxRateBps)}, up ${mbit(status.txRateBps)}`;
}

/** Terminal only: the whole `ferry status`, redrawn every second. With the app: one short line every few seconds. */
async function showStatusUntilStopped(lab: Lab, seconds: number | null, full: boolean): Promise<void> {
  let nextLineMs = 0;
  while (!stopRequested && Date.now() < deadlineMs) {
    const startedMs = Date.now();
    if (full) {
      const status = await lab.ferry(['status']);
      const header = `── ferry status (${new Date().toLocaleTimeString()}; ${seconds === null ? 'Ctrl-C to stop' : `ends after ${seconds} s`}) ──`;
      if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[H');
      say(`${header}\n${(status.stdout || status.stderr).trimEnd()}\n`);
    } else if (startedMs >= nextLineMs) {
      say(`[${new Date().toLocaleTimeString()}] ${await statusLine(lab)}`);
      nextLineMs = startedMs + APP_STATUS_EVERY_MS;
    }
    await sleep(Math.max(0, REFRESH_MS - (Date.now() - startedMs)));
  }
}

async function shutDown(lab: Lab, traffic: DemoTraffic): Promise<void> {
  say('Stopping: disconnecting, stopping ferryd and the app, removing the namespaces…');
  await traffic.stop();
  const result = await lab.ferry(['disconnect']).catch(() => undefined);
  if (result !== undefined && result.code !== 0) say(`(disconnect: ${result.stderr.trim()})`);
  await lab.destroy();
  say('Done: nothing of the demo is left.');
}

async function runDemo(lab: Lab, traffic: DemoTraffic, options: DemoOptions): Promise<void> {
  say(`Namespaces: ${lab.ns('client')}, ${lab.ns('server')}, ${lab.ns('internet')}. Starting ferryd in the client namespace…`);
  await lab.startFerryd('info');
  await importDemo(lab);
  await traffic.start();
  let app: OpenedApp | null = null;
  if (options.app) {
    say('Building and opening the app…');
    await buildApp();
    app = await openDemoApp(lab);
    if (app.kind !== 'no-display') void app.closed.then(() => (stopRequested = true));
    describeApp(app, options);
  }
  const connectNow = options.connect || app?.kind === 'no-display';
  if (connectNow) await connectDemo(lab);
  if (options.screenshot !== null) {
    if (app?.kind !== 'chromium' || app.profileDir === null) throw new Error('--screenshot needs the app in Chromium with a display');
    await screenshotApp(app.profileDir, options.screenshot, SCREENSHOT_SETTLE_SECONDS);
    say(`Screenshot saved: ${options.screenshot}`);
  }
  await showStatusUntilStopped(lab, options.seconds, app === null || app.kind === 'no-display');
}

async function main(): Promise<void> {
  const parsed = parseDemoOptions(process.argv.slice(2));
  if (parsed.ok === 'help') return say(DEMO_USAGE);
  if (parsed.ok === false) throw new Error(`${parsed.message}\n${DEMO_USAGE}`);
  if (parsed.options.seconds !== null) deadlineMs = Date.now() + parsed.options.seconds * 1000;
  process.on('SIGINT', () => (stopRequested = true));
  process.on('SIGTERM', () => (stopRequested = true));
  say('Building the demo: a WireGuard server (wireguard-go), an internet host and a client namespace…');
  const lab = await createLab({ name: 'demo' });
  const traffic = new DemoTraffic(lab);
  try {
    await runDemo(lab, traffic, parsed.options);
  } finally {
    await shutDown(lab, traffic);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
