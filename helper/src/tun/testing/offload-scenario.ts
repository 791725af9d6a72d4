// Test scenario (run by tun-device.test.ts in its own namespace): TCP through two offloading TUN devices.
// JS forwards between them, rewriting addresses like a NAT, so a local client reaches a local server only through
// the TUNs: the kernel hands super-packets (TSO) that the addon cuts, and takes the coalesced writes (GRO).
//   client 10.1.0.1 → tunA → [JS: 10.1/10.2 → 10.3/10.4] → tunB → server 10.4.0.2 (and back; IPv6 fd01..fd04 alike)
// Usage: offload-scenario.ts [plain] — prints one JSON result line.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { fail, ip, report } from '../../native/testing/scenario-support.js';
import { openTun, type TunDevice } from '../tun-device.js';
import { rewriteTcp, tcpChecksumValid } from './address-rewrite.js';

const TRANSFER_BYTES = 8_000_000;
const PORT = 7000;

function setUpTuns(offload: boolean): { a: TunDevice; b: TunDevice } {
  const a = openTun('ferryoffa', { offload });
  const b = openTun('ferryoffb', { offload });
  for (const [tun, address, route, address6, route6] of [[a, '10.1.0.1', '10.2.0.0/24', 'fd01::1', 'fd02::/64'],
    [b, '10.4.0.2', '10.3.0.0/24', 'fd04::2', 'fd03::/64']] as const) {
    ip('link', 'set', tun.name, 'mtu', '1420', 'up');
    ip('addr', 'add', `${address}/32`, 'dev', tun.name);
    ip('-6', 'addr', 'add', `${address6}/128`, 'dev', tun.name, 'nodad');
    ip('route', 'add', route, 'dev', tun.name);
    ip('-6', 'route', 'add', route6, 'dev', tun.name);
  }
  return { a, b };
}

interface Forwarding { segments: number; largest: number; badChecksums: number }

/** a → b adds 2 to the address byte that tells the networks apart (1→3, 2→4); b → a subtracts it. */
function forward(from: TunDevice, to: TunDevice, delta: number, stats: Forwarding): void {
  from.start((packets) => {
    const out: Uint8Array[] = [];
    for (const packet of packets) {
      stats.segments++;
      stats.largest = Math.max(stats.largest, packet.length);
      if (tcpChecksumValid(packet) === false) stats.badChecksums++;
      const copy = Uint8Array.from(packet);
      // The second address byte tells the networks apart: 10.1.0.1 / fd01::1.
      if (rewriteTcp(copy, 1, delta, delta)) out.push(copy);
    }
    to.write(out);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms))]);
}

/** Moves TRANSFER_BYTES over one TCP connection from 10.1.0.1 (fd01::1) to 10.2.0.2 (fd02::2); true if SHA-256 matches. */
async function transfer(family: 4 | 6, direction: 'up' | 'down'): Promise<boolean> {
  const data = randomBytes(TRANSFER_BYTES);
  const received = createHash('sha256');
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const take = (socket: Socket): void => {
    socket.on('data', (chunk: Buffer) => received.update(chunk));
    socket.on('end', () => {
      socket.end();
      finish();
    });
  };
  const server = createServer((socket: Socket) => (direction === 'down' ? socket.end(data) : take(socket)));
  server.listen(PORT, family === 4 ? '10.4.0.2' : 'fd04::2');
  await once(server, 'listening');
  const client = connect({ host: family === 4 ? '10.2.0.2' : 'fd02::2', port: PORT, localAddress: family === 4 ? '10.1.0.1' : 'fd01::1' });
  if (direction === 'up') client.end(data);
  else take(client);
  await withTimeout(finished, 20_000, `${direction} over IPv${family}`);
  client.destroy();
  server.close();
  return received.digest('hex') === createHash('sha256').update(data).digest('hex');
}

function kernelPackets(name: string): { tx: number; rx: number } {
  const [link] = JSON.parse(execFileSync('ip', ['-s', '-j', 'link', 'show', name], { encoding: 'utf8' })) as
    { stats64: { tx: { packets: number }; rx: { packets: number } } }[];
  return { tx: link?.stats64.tx.packets ?? 0, rx: link?.stats64.rx.packets ?? 0 };
}

async function main(): Promise<unknown> {
  const offload = process.argv[2] !== 'plain';
  ip('link', 'set', 'lo', 'up');
  const { a, b } = setUpTuns(offload);
  const aToB: Forwarding = { segments: 0, largest: 0, badChecksums: 0 };
  const bToA: Forwarding = { segments: 0, largest: 0, badChecksums: 0 };
  forward(a, b, 2, aToB);
  forward(b, a, -2, bToA);
  const transfers = [await transfer(4, 'up'), await transfer(4, 'down'), await transfer(6, 'up'), await transfer(6, 'down')];
  const result = {
    offload: [a.offload, b.offload], transfers, aToB, bToA,
    // What the kernel sent into each TUN (super-packets when TSO is on) and took out of it (coalesced writes).
    kernelA: kernelPackets(a.name), kernelB: kernelPackets(b.name), countersA: a.counters(), countersB: b.counters(),
  };
  a.close();
  b.close();
  return result;
}

main().then(report, fail);
