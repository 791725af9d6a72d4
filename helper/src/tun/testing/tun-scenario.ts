// Test scenario (run by tun-device.test.ts inside its own namespace): a TUN device carrying real traffic.
// Usage: tun-scenario.ts exchange|burst — prints one JSON result line.
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { fail, ip, report, until } from '../../native/testing/scenario-support.js';
import { openTun, type TunDevice } from '../tun-device.js';
import { buildIpv4Udp, ipv4HeaderChecksumValid, readIpv4Udp, type Ipv4Udp } from './ipv4-udp.js';

const TUN_NAME = 'ferrytest0';
const LOCAL = '10.66.0.1';
const REMOTE = '10.66.0.2';
const REMOTE_PORT = 9999;

async function setUp(): Promise<{ tun: TunDevice; socket: Socket }> {
  const tun = openTun(TUN_NAME);
  ip('addr', 'add', `${LOCAL}/24`, 'dev', tun.name);
  ip('link', 'set', tun.name, 'up');
  const socket = createSocket('udp4');
  socket.bind(0, LOCAL);
  await once(socket, 'listening');
  return { tun, socket };
}

function errorCode(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'no code';
  }
}

function interfaceExists(name: string): boolean {
  return errorCode(() => execFileSync('ip', ['link', 'show', name], { stdio: 'ignore' })) === null;
}

async function exchange(): Promise<unknown> {
  const { tun, socket } = await setUp();
  let request: { raw: number[]; udp: Ipv4Udp; checksumValid: boolean } | null = null;
  tun.start((packets) => {
    for (const packet of packets) {
      const udp = readIpv4Udp(packet);
      if (udp?.destinationPort !== REMOTE_PORT || request) continue;
      request = { raw: Array.from(packet.subarray(0, 20)), udp, checksumValid: ipv4HeaderChecksumValid(packet) };
    }
  });
  socket.send('ping', REMOTE_PORT, REMOTE);
  await until(() => request !== null, 5000, 'the request on the TUN');
  const seen = request as unknown as { raw: number[]; udp: Ipv4Udp; checksumValid: boolean };
  const answer = once(socket, 'message') as Promise<[Buffer, { address: string; port: number }]>;
  const reply = buildIpv4Udp({ source: REMOTE, destination: LOCAL, sourcePort: REMOTE_PORT,
    destinationPort: seen.udp.sourcePort, payload: new TextEncoder().encode('pong') });
  const written = tun.write([reply]);
  const [message, from] = await answer;
  const secondOpen = errorCode(() => openTun(TUN_NAME));
  const counters = tun.counters();
  tun.close();
  socket.close();
  return {
    name: tun.name, header: seen.raw, checksumValid: seen.checksumValid,
    request: { ...seen.udp, payload: new TextDecoder().decode(seen.udp.payload) },
    written, reply: { text: message.toString(), from }, secondOpen, counters,
    interfaceAfterClose: interfaceExists(TUN_NAME),
  };
}

/** Queues packets in the TUN before the reader starts, so one readiness event finds many. */
async function burst(): Promise<unknown> {
  const { tun, socket } = await setUp();
  const total = 200;
  for (let i = 0; i < total; i++) {
    await new Promise<void>((resolve, reject) => socket.send(`p${i}`, REMOTE_PORT, REMOTE, (e) => (e ? reject(e) : resolve())));
  }
  const batchSizes: number[] = [];
  const payloads = new Set<string>();
  tun.start((packets) => {
    const ours = packets.map(readIpv4Udp).filter((udp) => udp?.destinationPort === REMOTE_PORT);
    if (ours.length > 0) batchSizes.push(ours.length);
    for (const udp of ours) payloads.add(new TextDecoder().decode(udp?.payload));
  });
  await until(() => payloads.size >= total, 5000, 'all burst packets');
  tun.close();
  socket.close();
  return { batchSizes, distinctPayloads: payloads.size };
}

const scenarios: Record<string, () => Promise<unknown>> = { exchange, burst };
const scenario = scenarios[process.argv[2] ?? ''];
if (!scenario) fail(new Error(`unknown scenario ${process.argv[2]}`));
else scenario().then(report, fail);
