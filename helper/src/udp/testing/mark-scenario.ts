// Test scenario (run by udp-socket.test.ts inside its own namespace): SO_MARK proven by its routing effect.
// 10.51.0.1 is routed (as local) only in table 51, which only fwmark 0x51 reaches.
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { setSocketMark } from '../../native/socket-mark.js';
import { fail, ip, report, until } from '../../native/testing/scenario-support.js';
import { openUdpSocket } from '../udp-socket.js';

const MARK = 0x51;
const MARKED_ONLY_ADDRESS = '10.51.0.1';

async function main(): Promise<unknown> {
  ip('link', 'set', 'lo', 'up');
  ip('rule', 'add', 'fwmark', String(MARK), 'lookup', '51');
  ip('route', 'add', 'local', MARKED_ONLY_ADDRESS, 'dev', 'lo', 'table', '51');
  const receiver = openUdpSocket();
  const texts: string[] = [];
  receiver.start((datagrams) => texts.push(...datagrams.map((d) => new TextDecoder().decode(d))));
  const destination = [{ address: MARKED_ONLY_ADDRESS, port: receiver.localPort }];
  const marked = openUdpSocket({ fwmark: MARK });
  const unmarked = openUdpSocket();
  const sentMarked = marked.send([new TextEncoder().encode('native-marked')], destination);
  const sentUnmarked = unmarked.send([new TextEncoder().encode('native-unmarked')], destination);

  const nodeSocket = createSocket('udp4');
  nodeSocket.bind(0);
  await once(nodeSocket, 'listening');
  setSocketMark(nodeSocket, MARK);
  nodeSocket.send('dgram-marked', receiver.localPort, MARKED_ONLY_ADDRESS);
  await until(() => texts.length >= 2, 5000, 'the marked datagrams');
  const result = { sentMarked, sentUnmarked, unmarkedErrno: unmarked.counters().lastTxErrno, texts: texts.sort() };
  for (const socket of [receiver, marked, unmarked]) socket.close();
  nodeSocket.close();
  return result;
}

main().then(report, fail);
