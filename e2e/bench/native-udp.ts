// Micro-benchmark: packets/s through the native batched UDP socket vs node:dgram, on loopback inside a
// throwaway network namespace (needs root). Run: node --import tsx e2e/bench/native-udp.ts [seconds]
// Sender and receiver share one event loop, so a rate is the cost of one send plus one receive in Node.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { openUdpSocket } from '../../helper/src/udp/udp-socket.js';

const DATAGRAM_BYTES = Number(process.env.FERRY_BENCH_DATAGRAM_BYTES ?? 1420);
const BATCH = 128;
const WINDOW = 1024; // datagrams in flight at most, so the receive buffer never overflows

interface Rate {
  sentPerSecond: number;
  receivedPerSecond: number;
  gbitPerSecond: number;
}

function rate(sent: number, received: number, seconds: number): Rate {
  return {
    sentPerSecond: Math.round(sent / seconds),
    receivedPerSecond: Math.round(received / seconds),
    gbitPerSecond: Number(((received * DATAGRAM_BYTES * 8) / seconds / 1e9).toFixed(2)),
  };
}

async function nativeRate(seconds: number): Promise<Rate> {
  const sender = openUdpSocket();
  const receiver = openUdpSocket();
  let received = 0;
  receiver.start((datagrams) => { received += datagrams.length; });
  const payload = new Uint8Array(DATAGRAM_BYTES);
  const batch = Array.from({ length: BATCH }, () => payload);
  const to = Array.from({ length: BATCH }, () => ({ address: '127.0.0.1', port: receiver.localPort }));
  let sent = 0;
  const endAt = performance.now() + seconds * 1000;
  while (performance.now() < endAt) {
    if (sent - received < WINDOW) sent += sender.send(batch, to);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sender.close();
  receiver.close();
  return rate(sent, received, seconds);
}

async function dgramRate(seconds: number): Promise<Rate> {
  const sender = createSocket('udp4');
  const receiver = createSocket({ type: 'udp4', recvBufferSize: 7 << 20 });
  receiver.bind(0, '127.0.0.1');
  await once(receiver, 'listening');
  let received = 0;
  receiver.on('message', () => { received++; });
  const payload = Buffer.alloc(DATAGRAM_BYTES);
  const port = receiver.address().port;
  let sent = 0;
  const endAt = performance.now() + seconds * 1000;
  while (performance.now() < endAt) {
    for (let i = 0; i < BATCH && sent - received < WINDOW; i++, sent++) sender.send(payload, port, '127.0.0.1');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sender.close();
  receiver.close();
  return rate(sent, received, seconds);
}

async function inside(seconds: number): Promise<void> {
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const native = await nativeRate(seconds);
  const dgram = await dgramRate(seconds);
  console.log(JSON.stringify({ datagramBytes: DATAGRAM_BYTES, seconds, native, dgram,
    ratio: Number((native.receivedPerSecond / dgram.receivedPerSecond).toFixed(2)) }, null, 2));
}

function outside(seconds: number): void {
  const namespace = `ferry-bench-${randomBytes(4).toString('hex')}`;
  execFileSync('ip', ['netns', 'add', namespace]);
  try {
    execFileSync('ip', ['netns', 'exec', namespace, process.execPath, '--import', 'tsx',
      fileURLToPath(import.meta.url), '--inside', String(seconds)], { stdio: 'inherit' });
  } finally {
    execFileSync('ip', ['netns', 'del', namespace]);
  }
}

const insideAt = process.argv.indexOf('--inside');
if (insideAt >= 0) await inside(Number(process.argv[insideAt + 1] ?? 3));
else outside(Number(process.argv[2] ?? 3));
