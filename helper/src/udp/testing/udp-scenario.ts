// Test scenario (run by udp-socket.test.ts inside its own namespace): native UDP sockets on loopback.
// Usage: udp-scenario.ts loopback|drops|ports|gso — prints one JSON result line.
import { readFileSync } from 'node:fs';
import { fail, ip, report, until } from '../../native/testing/scenario-support.js';
import type { Endpoint } from '../endpoint.js';
import { openUdpSocket, type UdpDatagramSocket } from '../udp-socket.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

interface Received {
  texts: string[];
  from: Endpoint[];
  batchSizes: number[];
}

function collect(socket: UdpDatagramSocket): Received {
  const received: Received = { texts: [], from: [], batchSizes: [] };
  socket.start((datagrams, from) => {
    received.batchSizes.push(datagrams.length);
    datagrams.forEach((datagram, i) => {
      received.texts.push(new TextDecoder().decode(datagram));
      received.from.push(from[i] as Endpoint);
    });
  });
  return received;
}

function burst(prefix: string, count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => text(`${prefix}${i}`));
}

/** 100 datagrams over IPv4 and 100 over IPv6, each in one send() call, then a reply the other way. */
async function loopback(): Promise<unknown> {
  ip('link', 'set', 'lo', 'up');
  const a = openUdpSocket();
  const b = openUdpSocket();
  const atB = collect(b);
  const atA = collect(a);
  const v4 = burst('v4-', 100);
  const v6 = burst('v6-', 100);
  const sentV4 = a.send(v4, v4.map(() => ({ address: '127.0.0.1', port: b.localPort })));
  const sentV6 = a.send(v6, v6.map(() => ({ address: '::1', port: b.localPort })));
  await until(() => atB.texts.length >= 200, 5000, 'the bursts');
  const firstV6 = atB.from[atB.texts.indexOf('v6-0')] as Endpoint;
  b.send([text('pong')], [firstV6]);
  await until(() => atA.texts.length >= 1, 5000, 'the reply');
  const distinct = [...new Set(atB.from)];
  const result = {
    family: a.family, portA: a.localPort, portB: b.localPort, sentV4, sentV6,
    texts: atB.texts, batchSizes: atB.batchSizes, distinctSources: distinct,
    sourcesFrozen: distinct.every((endpoint) => Object.isFrozen(endpoint)),
    reply: { texts: atA.texts, from: atA.from }, countersA: a.counters(), countersB: b.counters(),
  };
  a.close();
  b.close();
  return result;
}

/** Unusable destinations and refused sends are skipped and counted; the rest of the batch still goes. */
async function drops(): Promise<unknown> {
  ip('link', 'set', 'lo', 'up');
  const a = openUdpSocket();
  const b = openUdpSocket();
  const tiny = openUdpSocket({ slotBytes: 64, batchSize: 4 });
  const atB = collect(b);
  const atTiny = collect(tiny);
  const to = (address: string, port = b.localPort): Endpoint => ({ address, port });
  const sent = a.send(burst('d', 5), [to('127.0.0.1'), to('not-an-ip'), to('127.0.0.1', 0), to('10.99.0.1', 9), to('::1')]);
  a.send([new Uint8Array(100), text('small')], [to('127.0.0.1', tiny.localPort), to('127.0.0.1', tiny.localPort)]);
  await until(() => atB.texts.length >= 2 && atTiny.texts.length >= 1, 5000, 'the datagrams');
  const result = { sent, texts: atB.texts, countersA: a.counters(), tinyTexts: atTiny.texts, tinyCounters: tiny.counters() };
  for (const socket of [a, b, tiny]) socket.close();
  return { ...result, sendAfterClose: a.send([text('late')], [to('127.0.0.1')]) };
}

function errorCode(action: () => unknown): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'no code';
  }
}

/** A chosen port is bound as asked, and a second socket on it fails with EADDRINUSE. */
async function ports(): Promise<unknown> {
  ip('link', 'set', 'lo', 'up');
  const chosen = 40000 + Math.floor(Math.random() * 20000);
  const first = openUdpSocket({ port: chosen });
  const secondCode = errorCode(() => openUdpSocket({ port: chosen }));
  const badPortCode = errorCode(() => openUdpSocket({ port: 70000 }));
  first.close();
  first.close();
  return { chosen, localPort: first.localPort, secondCode, badPortCode };
}

function outDatagrams(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((line) => line.startsWith('Udp:'));
  const names = lines[0]?.split(/\s+/) ?? [];
  return Number(lines[1]?.split(/\s+/)[names.indexOf('OutDatagrams')]);
}

/** Runs of equal-sized datagrams to one destination (as the tunnel sends them) arrive whole and in order. */
async function gso(): Promise<unknown> {
  ip('link', 'set', 'lo', 'up');
  const a = openUdpSocket();
  const b = openUdpSocket();
  const received: Uint8Array[] = [];
  b.start((datagrams) => datagrams.forEach((d) => received.push(Uint8Array.from(d))));
  // 150 full-size datagrams, a short one (ends a run), then 20 more to another address and 10 back to the first.
  const sizes = [...Array<number>(150).fill(1452), 100, ...Array<number>(30).fill(1452)];
  const datagrams = sizes.map((size, i) => new Uint8Array(size).fill(i & 0xff));
  const to = sizes.map((_, i) => ({ address: i >= 151 && i < 171 ? '::1' : '127.0.0.1', port: b.localPort }));
  const before = outDatagrams();
  const sent = a.send(datagrams, to);
  const kernelDatagrams = outDatagrams() - before;
  await until(() => received.length >= sizes.length, 5000, 'the datagrams');
  const intact = received.every((d, i) => d.length === sizes[i] && d.every((byte) => byte === (i & 0xff)));
  const result = { sent, received: received.length, intact, kernelDatagrams, countersA: a.counters() };
  a.close();
  b.close();
  return result;
}

const scenarios: Record<string, () => Promise<unknown>> = { loopback, drops, ports, gso };
const scenario = scenarios[process.argv[2] ?? ''];
if (!scenario) fail(new Error(`unknown scenario ${process.argv[2]}`));
else scenario().then(report, fail);
