// Lab tool: moves N random bytes over one TCP connection, either way, and checks them end to end with SHA-256.
//   serve HOST PORT            answers "up N" (receive N bytes, reply with their hash) and "down N" (send hash, then N bytes)
//   up|down HOST PORT BYTES    the client side; prints one JSON line { direction, bytes, ms, ok }, exits 1 on mismatch
import { createHash, randomBytes } from 'node:crypto';
import { connect, createServer, type Socket } from 'node:net';

const CHUNK_BYTES = 64 * 1024;

/** Reads the header line, then hands every later byte to `onData`. */
function readHeader(socket: Socket, onHeader: (line: string) => void, onData: (chunk: Buffer) => void): void {
  let header: Buffer | null = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    if (header === null) return onData(chunk);
    header = Buffer.concat([header, chunk]);
    const newline = header.indexOf(10);
    if (newline < 0) return;
    const rest = header.subarray(newline + 1);
    const line = header.subarray(0, newline).toString('utf8');
    header = null;
    onHeader(line);
    if (rest.length > 0) onData(rest);
  });
}

/** Writes `bytes` random bytes in chunks, hashing them, respecting back-pressure. Resolves with the hash. */
async function sendRandom(socket: Socket, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  for (let sent = 0; sent < bytes; sent += CHUNK_BYTES) {
    const chunk = randomBytes(Math.min(CHUNK_BYTES, bytes - sent));
    hash.update(chunk);
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve));
  }
  return hash.digest('hex');
}

function handle(socket: Socket): void {
  const hash = createHash('sha256');
  let expected = 0;
  let received = 0;
  readHeader(socket, (line) => {
    const [direction, count] = line.split(' ');
    expected = Number(count);
    if (direction === 'down') {
      const data = randomBytes(expected);
      socket.end(Buffer.concat([Buffer.from(`${createHash('sha256').update(data).digest('hex')}\n`), data]));
    }
  }, (chunk) => {
    hash.update(chunk);
    received += chunk.length;
    if (received === expected) socket.end(`${hash.digest('hex')}\n`);
  });
  socket.on('error', () => socket.destroy());
}

function serve(host: string, port: number): void {
  const server = createServer(handle);
  server.listen({ host, port }, () => process.stdout.write('ready\n'));
}

function collect(socket: Socket): Promise<Buffer> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
}

/** Returns whether the hash computed on our side equals the one the server reports. */
async function client(direction: string, host: string, port: number, bytes: number): Promise<boolean> {
  const socket = connect({ host, port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const reply = collect(socket);
  socket.write(`${direction} ${bytes}\n`);
  if (direction === 'up') {
    const sentHash = await sendRandom(socket, bytes);
    return (await reply).toString('utf8').trim() === sentHash;
  }
  const data = await reply;
  const newline = data.indexOf(10);
  const body = data.subarray(newline + 1);
  const claimed = data.subarray(0, newline).toString('utf8');
  return body.length === bytes && createHash('sha256').update(body).digest('hex') === claimed;
}

async function main(): Promise<void> {
  const [mode, host, portText, bytesText] = process.argv.slice(2);
  const port = Number(portText);
  if (host === undefined || !Number.isInteger(port)) throw new Error('usage: tcp-transfer serve|up|down HOST PORT [BYTES]');
  if (mode === 'serve') return serve(host, port);
  const started = Date.now();
  const ok = await client(mode === 'down' ? 'down' : 'up', host, port, Number(bytesText));
  process.stdout.write(`${JSON.stringify({ direction: mode, bytes: Number(bytesText), ms: Date.now() - started, ok })}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`tcp-transfer: ${String(error)}\n`);
  process.exit(1);
});
