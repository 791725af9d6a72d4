// `npm run demo`, Ferry's main job until the app exists: a demo WireGuard server, ferryd in a client namespace,
// the demo profile imported and connected, some traffic, and live `ferry status` every second until Ctrl-C.
// Options: --seconds N ends the demo by itself after N seconds (for CI and scripts). Everything runs in lab namespaces.
import { parseArgs } from 'node:util';
import { LAB } from '../lab/addressing.js';
import { sleep } from '../lab/exec.js';
import { connect, importProfile } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { startIperfServer } from '../bench/iperf.js';

const PROFILE_NAME = 'demo';
const REFRESH_MS = 1_000;
const TRAFFIC_RATE = '20M';

let stopRequested = false;

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

function readSeconds(): number | null {
  const { values } = parseArgs({ options: { seconds: { type: 'string' } } });
  if (values.seconds === undefined) return null;
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error('usage: demo [--seconds N]');
  return seconds;
}

/** Imports and connects the demo profile: the tunnel network plus the internet host's first address. */
async function connectDemo(lab: Lab): Promise<void> {
  const profile = await lab.makeClientProfile({
    allowedIps: [LAB.tunnel.networkV4, LAB.tunnel.networkV6, `${LAB.serviceV4}/32`],
    persistentKeepaliveSec: 25,
  });
  const path = await importProfile(lab, PROFILE_NAME, profile);
  say(`Imported ${path} as profile "${PROFILE_NAME}"; connecting…`);
  await connect(lab, PROFILE_NAME);
  const tunnelled = await lab.whoami('client', LAB.serviceV4);
  const direct = await lab.whoami('client', LAB.otherV4);
  say(`Connected. The internet host sees ${LAB.serviceV4} traffic from ${tunnelled} (the server, through Ferry)`);
  say(`and ${LAB.otherV4} traffic from ${direct} (the client itself: not in AllowedIPs).`);
}

/** A steady iperf3 stream and a ping through the tunnel, so the status has something to count. */
async function startTraffic(lab: Lab): Promise<void> {
  await startIperfServer(lab);
  lab.spawn('client', 'iperf3', ['-c', LAB.tunnel.serverV4, '-t', '0', '-b', TRAFFIC_RATE, '--forceflush']);
  lab.startPing('client', LAB.tunnel.serverV4, 0.5);
}

async function showStatusUntilStopped(lab: Lab, seconds: number | null): Promise<void> {
  const deadline = seconds === null ? Infinity : Date.now() + seconds * 1000;
  while (!stopRequested && Date.now() < deadline) {
    const startedMs = Date.now();
    const status = await lab.ferry(['status']);
    const header = `── ferry status (${new Date().toLocaleTimeString()}; ${seconds === null ? 'Ctrl-C to stop' : `ends after ${seconds} s`}) ──`;
    if (process.stdout.isTTY) process.stdout.write('\x1b[2J\x1b[H');
    say(`${header}\n${(status.stdout || status.stderr).trimEnd()}\n`);
    await sleep(Math.max(0, REFRESH_MS - (Date.now() - startedMs)));
  }
}

async function shutDown(lab: Lab): Promise<void> {
  say('Stopping: disconnecting, stopping ferryd, removing the namespaces…');
  const result = await lab.ferry(['disconnect']).catch(() => undefined);
  if (result !== undefined && result.code !== 0) say(`(disconnect: ${result.stderr.trim()})`);
  await lab.destroy();
  say('Done: nothing of the demo is left.');
}

async function main(): Promise<void> {
  const seconds = readSeconds();
  process.on('SIGINT', () => (stopRequested = true));
  process.on('SIGTERM', () => (stopRequested = true));
  say('Building the demo: a WireGuard server (wireguard-go), an internet host and a client namespace…');
  const lab = await createLab({ name: 'demo' });
  try {
    say(`Namespaces: ${lab.ns('client')}, ${lab.ns('server')}, ${lab.ns('internet')}. Starting ferryd in the client namespace…`);
    await lab.startFerryd('info');
    await connectDemo(lab);
    await startTraffic(lab);
    await showStatusUntilStopped(lab, seconds);
  } finally {
    await shutDown(lab);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
