// Lab tool: the internet host's "whoami" service: answers each TCP connection and UDP datagram with the source address it saw.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

function plainAddress(address: string | undefined): string {
  return (address ?? 'unknown').replace(/^::ffff:/, '');
}

function serveTcp(address: string, port: number): Promise<void> {
  // A client that resets the connection (a leak test's sender giving up) must not take the service down.
  const server = createServer((socket) => socket.on('error', () => undefined).end(`${plainAddress(socket.remoteAddress)}\n`));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port }, resolve);
  });
}

/** One socket per address, so replies leave from the address the client asked (it would drop others). */
function serveUdp(address: string, port: number): Promise<void> {
  const socket = createSocket({ type: address.includes(':') ? 'udp6' : 'udp4' });
  socket.on('message', (_message, from) => socket.send(`${plainAddress(from.address)}\n`, from.port, from.address));
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, resolve);
  });
}

async function main(): Promise<void> {
  const [portText, ...addresses] = process.argv.slice(2);
  const port = Number(portText);
  if (!Number.isInteger(port) || addresses.length === 0) throw new Error('usage: whoami-server PORT ADDRESS...');
  for (const address of addresses) {
    await serveTcp(address, port);
    await serveUdp(address, port);
  }
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`whoami-server: ${String(error)}\n`);
  process.exit(1);
});
