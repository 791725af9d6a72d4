// Lab tool: the VPN server's resolver: answers A and AAAA questions for any name with fixed addresses, and prints who asked.
import { createSocket, type RemoteInfo } from 'node:dgram';
import { isIPv4 } from 'node:net';

const TYPE_A = 1;
const TYPE_AAAA = 28;
const HEADER_BYTES = 12;
const TTL_SECONDS = 60;

interface Question {
  name: string;
  type: number;
  /** The question section as received (name, type, class), copied into the answer. */
  bytes: Buffer;
}

/** The first question of a query (RFC 1035 §4.1.2), or null when the message is not one we can read. */
function readQuestion(message: Buffer): Question | null {
  if (message.length < HEADER_BYTES + 5 || message.readUInt16BE(4) < 1) return null;
  const labels: string[] = [];
  let offset = HEADER_BYTES;
  for (let length = message[offset] ?? 0; length > 0; length = message[offset] ?? 0) {
    if (length > 63 || offset + 1 + length > message.length) return null;
    labels.push(message.toString('ascii', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  const end = offset + 5;
  if (end > message.length) return null;
  return { name: labels.join('.'), type: message.readUInt16BE(offset + 1), bytes: message.subarray(HEADER_BYTES, end) };
}

function addressBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const groups = (text: string): number[] => (text === '' ? [] : text.split(':').map((group) => parseInt(group, 16)));
  const front = groups(head);
  const back = groups(tail);
  const words = [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  const bytes = Buffer.alloc(16);
  words.forEach((word, i) => bytes.writeUInt16BE(word, i * 2));
  return bytes;
}

/** A response with one answer for A/AAAA, none (NOERROR, empty) for other types. */
function answer(query: Buffer, question: Question, addresses: { v4: string; v6: string }): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  query.copy(header, 0, 0, 2);
  const recursionDesired = (query[2] ?? 0) & 0x01;
  header.writeUInt16BE(0x8080 | (recursionDesired << 8), 2);
  header.writeUInt16BE(1, 4);
  const rdata = question.type === TYPE_A ? addressBytes(addresses.v4) : question.type === TYPE_AAAA ? addressBytes(addresses.v6) : null;
  if (rdata === null) return Buffer.concat([header, question.bytes]);
  header.writeUInt16BE(1, 6);
  const record = Buffer.alloc(12);
  record.writeUInt16BE(0xc000 | HEADER_BYTES, 0);
  record.writeUInt16BE(question.type, 2);
  record.writeUInt16BE(1, 4);
  record.writeUInt32BE(TTL_SECONDS, 6);
  record.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([header, question.bytes, record, rdata]);
}

function serve(listenAddress: string, addresses: { v4: string; v6: string }): Promise<void> {
  const socket = createSocket({ type: isIPv4(listenAddress) ? 'udp4' : 'udp6' });
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    const question = readQuestion(message);
    if (question === null) return;
    process.stdout.write(`query ${question.name} type ${question.type} from ${from.address}\n`);
    socket.send(answer(message, question, addresses), from.port, from.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(53, listenAddress, resolve);
  });
}

async function main(): Promise<void> {
  const [answerV4, answerV6, ...listen] = process.argv.slice(2);
  if (answerV4 === undefined || answerV6 === undefined || listen.length === 0) throw new Error('usage: dns-server ANSWER_V4 ANSWER_V6 LISTEN_ADDRESS...');
  for (const address of listen) await serve(address, { v4: answerV4, v6: answerV6 });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`dns-server: ${String(error)}\n`);
  process.exit(1);
});
