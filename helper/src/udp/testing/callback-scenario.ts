// Test scenario (run by udp-socket.test.ts inside its own namespace): how batch callbacks meet the event
// loop — nextTicks and microtasks run right after each callback, and a throw becomes 'uncaughtException'
// without stopping the reader.
import { fail, ip, report, until } from '../../native/testing/scenario-support.js';
import { openUdpSocket, type UdpDatagramSocket } from '../udp-socket.js';

async function main(): Promise<unknown> {
  ip('link', 'set', 'lo', 'up');
  const order: string[] = [];
  const uncaught: string[] = [];
  process.on('uncaughtException', (error) => uncaught.push(error.message));
  let throwNext = false;
  const listen = (name: string, socket: UdpDatagramSocket): void => socket.start(() => {
    order.push(name);
    process.nextTick(() => order.push(`${name}-tick`));
    queueMicrotask(() => order.push(`${name}-micro`));
    if (name === 'b' && throwNext) {
      throwNext = false;
      throw new Error('thrown by a batch callback');
    }
  });
  const sender = openUdpSocket();
  const b = openUdpSocket();
  const c = openUdpSocket();
  listen('b', b);
  listen('c', c);
  const both = (): void => {
    sender.send([new Uint8Array(1), new Uint8Array(1)],
      [{ address: '127.0.0.1', port: b.localPort }, { address: '127.0.0.1', port: c.localPort }]);
  };
  both(); // both sockets become readable in the same loop turn
  await until(() => order.filter((entry) => entry.length === 1).length >= 2, 5000, 'round 1');
  const firstRound = [...order];
  throwNext = true;
  both();
  await until(() => uncaught.length >= 1, 5000, 'the uncaught exception');
  both();
  await until(() => order.filter((entry) => entry === 'b').length >= 3, 5000, 'round 3');
  for (const socket of [sender, b, c]) socket.close();
  return { firstRound, uncaught, batchesAtB: order.filter((entry) => entry === 'b').length };
}

main().then(report, fail);
