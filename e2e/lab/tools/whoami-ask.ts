// Lab tool: asks the whoami service (TCP or UDP) which source address it sees, and prints the answer.
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

const UDP_TRIES = 5;
const UDP_TRY_TIMEOUT_MS = 1_000;

function askTcp(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer.trim()));
    socket.on('timeout', () => socket.destroy(new Error(`no TCP answer from ${host}:${port} in ${timeoutMs} ms`)));
    socket.on('error', reject);
  });
}

/** UDP has no retransmission: ask again a few times (the first datagram may be queued behind a handshake). */
function askUdp(host: string, port: number): Promise<string> {
  const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
  return new Promise((resolve, reject) => {
    let tries = 0;
    const send = (): void => {
      if (tries++ >= UDP_TRIES) {
        socket.close();
        reject(new Error(`no UDP answer from ${host}:${port} after ${UDP_TRIES} tries`));
        return;
      }
      socket.send('who\n', port, host);
      timer = setTimeout(send, UDP_TRY_TIMEOUT_MS);
    };
    let timer = setTimeout(send, 0);
    socket.on('message', (message) => {
      clearTimeout(timer);
      socket.close();
      resolve(message.toString('utf8').trim());
    });
    socket.on('error', reject);
  });
}

async function main(): Promise<void> {
  const [host, portText, proto = 'tcp'] = process.argv.slice(2);
  const port = Number(portText);
  if (host === undefined || !Number.isInteger(port)) throw new Error('usage: whoami-ask HOST PORT tcp|udp');
  const answer = proto === 'udp' ? await askUdp(host, port) : await askTcp(host, port, 10_000);
  process.stdout.write(`${answer}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`whoami-ask: ${String(error)}\n`);
  process.exit(1);
});
