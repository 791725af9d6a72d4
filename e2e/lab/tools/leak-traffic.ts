// Lab tool: keeps trying TCP, UDP and DNS (UDP and TCP port 53) to the given targets until SIGTERM, then prints what it attempted as JSON.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect } from 'node:net';

type Kind = 'tcp' | 'udp' | 'dns-udp' | 'dns-tcp';

interface Target {
  kind: Kind;
  host: string;
  port: number;
}

const TCP_GIVE_UP_MS = 1_000;
/** A DNS query for "leak.ferry.lab" A (RFC 1035 §4.1): 12-byte header, one question. */
const DNS_QUERY = Buffer.from([
  0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  4, ...Buffer.from('leak'), 5, ...Buffer.from('ferry'), 3, ...Buffer.from('lab'), 0, 0x00, 0x01, 0x00, 0x01,
]);

/** "tcp:198.18.0.1:7000", "dns-udp:[fd18::53]:53". */
function parseTarget(text: string): Target {
  const match = /^(tcp|udp|dns-udp|dns-tcp):\[?([^\]]+?)\]?:(\d+)$/.exec(text);
  if (match === null) throw new Error(`bad target ${text}`);
  return { kind: match[1] as Kind, host: match[2] ?? '', port: Number(match[3]) };
}

const attempts: Record<string, number> = {};
const answered: Record<string, number> = {};
const count = (table: Record<string, number>, key: string): void => {
  table[key] = (table[key] ?? 0) + 1;
};

function tryTcp(target: Target, label: string): void {
  const payload = target.kind === 'dns-tcp' ? Buffer.concat([Buffer.from([0, DNS_QUERY.length]), DNS_QUERY]) : Buffer.from('who\n');
  const socket = connect({ host: target.host, port: target.port });
  socket.setTimeout(TCP_GIVE_UP_MS, () => socket.destroy());
  socket.on('connect', () => socket.write(payload));
  socket.on('data', () => {
    count(answered, label);
    socket.end(); // a FIN, not a reset: the service it reached keeps serving
  });
  socket.on('error', () => undefined);
}

function udpSocketFor(host: string, sockets: Map<string, UdpSocket>, label: string): UdpSocket {
  const family = host.includes(':') ? 'udp6' : 'udp4';
  let socket = sockets.get(label);
  if (socket === undefined) {
    socket = createSocket({ type: family });
    socket.on('message', () => count(answered, label));
    socket.on('error', () => undefined);
    sockets.set(label, socket);
  }
  return socket;
}

function main(): void {
  const [intervalText, ...targetTexts] = process.argv.slice(2);
  const intervalMs = Number(intervalText);
  if (!Number.isFinite(intervalMs) || targetTexts.length === 0) throw new Error('usage: leak-traffic INTERVAL_MS KIND:HOST:PORT...');
  const targets = targetTexts.map(parseTarget);
  const sockets = new Map<string, UdpSocket>();
  const tick = (): void => {
    targets.forEach((target, i) => {
      const label = targetTexts[i] ?? '';
      count(attempts, label);
      if (target.kind === 'tcp' || target.kind === 'dns-tcp') return tryTcp(target, label);
      const data = target.kind === 'dns-udp' ? DNS_QUERY : Buffer.from('who\n');
      // EPERM from a blocking firewall arrives here as an error: counted as an attempt all the same.
      udpSocketFor(target.host, sockets, label).send(data, target.port, target.host, () => undefined);
    });
  };
  const timer = setInterval(tick, intervalMs);
  process.on('SIGTERM', () => {
    clearInterval(timer);
    process.stdout.write(`${JSON.stringify({ attempts, answered })}\n`);
    process.exit(0);
  });
  process.stdout.write('ready\n');
}

main();
