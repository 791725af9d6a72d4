// Child process of firewall.linux.real.test.ts, run as `ip netns exec NS node --import tsx …`: applies kill switch policies and sends traffic, printing what arrived where.
import { execFile, execFileSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { systemClock } from '../time/clock.js';
import { openUdpSocket, type UdpDatagramSocket } from '../udp/udp-socket.js';
import { createExecFileRunner, type CommandRunner } from './command-runner.js';
import type { FirewallCounters, FirewallPolicy } from './firewall.js';
import { createPlatform } from './platform.js';

export type FirewallChildMode = 'scenario' | 'apply-then-hang' | 'adopt-and-clear';
export const ENDPOINT = { address: '203.0.113.1', port: 51820 };
export const FWMARK = 51820;

export const killSwitchPolicy: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ftun0',
  endpoints: [ENDPOINT],
  fwmark: FWMARK,
  allowLan: false,
  tunnelsIpv6: false,
  dnsServers: ['10.64.0.1'],
};
export const lockdownPolicy: FirewallPolicy = { ...killSwitchPolicy, reason: 'lockdown', tunnelInterface: null, endpoints: [], fwmark: null, dnsServers: [] };

export interface Observation {
  phase: string;
  /** Packets counted by the probe table of the receiving namespace. */
  arrived: number;
  /** Growth of Ferry's drop counters during the phase (null: no table). */
  dropped: FirewallCounters | null;
  ok?: boolean;
  detail?: unknown;
}

const run = promisify(execFile);
const PAYLOAD = new TextEncoder().encode('ferry firewall probe');

/** Refuses to touch anything unless this process really is inside a ferry-fw-… namespace of its own. */
function assertInsideTestNamespace(peers: string[]): string {
  const name = execFileSync('ip', ['netns', 'identify', String(process.pid)], { encoding: 'utf8' }).trim();
  const own = readlinkSync('/proc/self/ns/net');
  const parent = readlinkSync(`/proc/${process.ppid}/ns/net`);
  if (!name.startsWith('ferry-fw-') || own === parent || !peers.every((peer) => peer.startsWith(`${name}-`))) {
    process.stderr.write(`refusing to run outside a ferry-fw- namespace (in "${name}", ${own})\n`);
    process.exit(3);
  }
  return name;
}

/** The probe counter `counter` (packets) in one of the test's peer namespaces. */
async function probe(namespace: string, counter: string): Promise<number> {
  const { stdout } = await run('ip', ['netns', 'exec', namespace, 'nft', '-j', 'list', 'counter', 'inet', 'probe', counter]);
  const found = (JSON.parse(stdout) as { nftables: { counter?: { packets: number } }[] }).nftables.find((item) => item.counter);
  return found?.counter?.packets ?? 0;
}

function print(data: object): void {
  process.stdout.write(`${JSON.stringify(data)}\n`);
}

/** One send() per datagram: equal datagrams in one send() leave as a single UDP GSO packet, counted once by nft. */
function send(socket: UdpDatagramSocket, address: string, port: number, count = 3): void {
  for (let i = 0; i < count; i++) socket.send([PAYLOAD], [{ address, port }]);
}

function difference(after: FirewallCounters | null, before: FirewallCounters | null): FirewallCounters | null {
  if (!after) return null;
  const minus = (key: keyof FirewallCounters) => ({
    packets: after[key].packets - (before?.[key].packets ?? 0),
    bytes: after[key].bytes - (before?.[key].bytes ?? 0),
  });
  return { outbound: minus('outbound'), inbound: minus('inbound'), forwarded: minus('forwarded'), dns: minus('dns') };
}

interface Lab {
  counters(): Promise<FirewallCounters | null>;
  wan: string;
  lan: string;
  tunnel: string;
}

/** Runs `action`, then reports how far the probe counter `where` grew (waiting a little for packets in flight when some are expected). */
async function observe(lab: Lab, phase: string, where: [string, string], expectArrivals: number, action: () => Promise<unknown> | unknown): Promise<void> {
  const [namespace, counter] = where;
  const [beforeProbe, beforeDrops] = [await probe(namespace, counter), await lab.counters()];
  const detail = await action();
  let arrived = (await probe(namespace, counter)) - beforeProbe;
  for (let tries = 0; arrived < expectArrivals && tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20)); // packets still crossing the veth
    arrived = (await probe(namespace, counter)) - beforeProbe;
  }
  print({ phase, arrived, dropped: difference(await lab.counters(), beforeDrops), detail } satisfies Observation);
}

async function ping(address: string): Promise<boolean> {
  const result = await run('ping', ['-n', '-c', '2', '-i', '0.2', '-W', '1', address]).then(() => true, () => false);
  return result;
}

async function ferryTables(): Promise<string> {
  return (await run('nft', ['list', 'tables'])).stdout;
}

/** A runner that remembers every nft invocation, to show one transaction per set(). */
function recordingRunner(): { runner: CommandRunner; nftCalls: { args: string[]; input?: string }[] } {
  const real = createExecFileRunner();
  const nftCalls: { args: string[]; input?: string }[] = [];
  const runner: CommandRunner = {
    run(file, args, options) {
      if (file === 'nft') nftCalls.push({ args, ...(options?.input !== undefined ? { input: options.input } : {}) });
      return real.run(file, args, options);
    },
  };
  return { runner, nftCalls };
}

async function scenario(lab: Lab, firewall: ReturnType<typeof createPlatform>['firewall'], nftCalls: { args: string[] }[]): Promise<void> {
  const marked = openUdpSocket({ fwmark: FWMARK });
  const plain = openUdpSocket({});
  await observe(lab, 'no firewall: plain UDP leaves', [lab.wan, 'udp9'], 3, () => send(plain, '203.0.113.1', 9));
  print({ phase: 'set kill switch', ok: (await firewall.set(killSwitchPolicy)).ok });
  await observe(lab, 'marked UDP to the endpoint', [lab.wan, 'udp51820'], 3, () => send(marked, ENDPOINT.address, ENDPOINT.port));
  await observe(lab, 'plain UDP to the endpoint', [lab.wan, 'udp51820'], 0, () => send(plain, ENDPOINT.address, ENDPOINT.port));
  await observe(lab, 'marked UDP to another port', [lab.wan, 'udp9'], 0, () => send(marked, '203.0.113.1', 9));
  await observe(lab, 'IPv6 UDP', [lab.wan, 'udp6'], 0, () => send(plain, '2001:db8:1::1', 9));
  await observe(lab, 'LAN ping, Allow LAN off', [lab.lan, 'ping'], 0, () => ping('192.168.77.1'));
  await observe(lab, 'DNS to a resolver outside the tunnel', [lab.wan, 'dns'], 0, () => send(plain, '203.0.113.1', 53));
  await observe(lab, "DNS to the profile's resolver through the tunnel", [lab.tunnel, 'dns'], 3, () => send(plain, '10.64.0.1', 53));
  await observe(lab, 'DNS to another resolver through the tunnel', [lab.tunnel, 'dns_other'], 0, () => send(plain, '10.64.0.9', 53));
  await observe(lab, 'plain UDP through the tunnel', [lab.tunnel, 'udp9'], 3, () => send(plain, '10.64.0.1', 9));
  print({ phase: 'set allow LAN', ok: (await firewall.set({ ...killSwitchPolicy, allowLan: true })).ok });
  await observe(lab, 'LAN ping, Allow LAN on', [lab.lan, 'ping'], 2, () => ping('192.168.77.1'));
  await replaceUnderFire(lab, firewall, nftCalls, plain);
  print({ phase: 'set lockdown', ok: (await firewall.set(lockdownPolicy)).ok });
  await observe(lab, 'lockdown: marked UDP to the old endpoint', [lab.wan, 'udp51820'], 0, () => send(marked, ENDPOINT.address, ENDPOINT.port));
  await observe(lab, 'lockdown: LAN ping', [lab.lan, 'ping'], 0, () => ping('192.168.77.1'));
  print({ phase: 'set null', ok: (await firewall.set(null)).ok, detail: await ferryTables() });
  await observe(lab, 'after set(null): plain UDP leaves again', [lab.wan, 'udp9'], 3, () => send(plain, '203.0.113.1', 9));
  marked.close();
  plain.close();
}

/** Flips between two policies 20 times while unmarked UDP is sent every millisecond: none may slip through. */
async function replaceUnderFire(lab: Lab, firewall: ReturnType<typeof createPlatform>['firewall'], nftCalls: { args: string[] }[], plain: UdpDatagramSocket): Promise<void> {
  let sent = 0;
  let replacements: string[] = [];
  await observe(lab, 'replacing the table while sending', [lab.wan, 'udp9'], 0, async () => {
    const callsBefore = nftCalls.length;
    const timer = setInterval(() => {
      send(plain, '203.0.113.1', 9, 1);
      sent++;
    }, 1);
    const results: boolean[] = [];
    for (let round = 0; round < 20; round++) results.push((await firewall.set({ ...killSwitchPolicy, allowLan: round % 2 === 0 })).ok);
    clearInterval(timer);
    replacements = nftCalls.slice(callsBefore).map((call) => call.args.join(' '));
    return { sent, allOk: results.every(Boolean) };
  });
  print({ phase: 'nft invocations per replacement', detail: replacements });
}

async function main(): Promise<void> {
  const [mode, stateDir, wan, lan, tunnel] = process.argv.slice(2) as [FirewallChildMode, string, string, string, string];
  assertInsideTestNamespace([wan, lan, tunnel]);
  const { runner, nftCalls } = recordingRunner();
  const { firewall } = createPlatform({ runner, stateDir, clock: systemClock });
  const counters = async (): Promise<FirewallCounters | null> => {
    const read = await firewall.counters();
    return read.ok ? read.value : null;
  };
  const lab: Lab = { wan, lan, tunnel, counters };
  if (mode === 'scenario') return scenario(lab, firewall, nftCalls);
  if (mode === 'apply-then-hang') {
    print({ phase: 'applied', ok: (await firewall.set(killSwitchPolicy)).ok });
    setInterval(() => undefined, 60_000); // the test kills us with SIGKILL: a ferryd that died with the kill switch on
    return;
  }
  const adopted = await firewall.adopt();
  print({ phase: 'adopted', ok: adopted.ok, detail: adopted.ok ? adopted.value : null });
  const plain = openUdpSocket({});
  await observe(lab, 'after restart, before any set: still blocked', [lab.wan, 'udp9'], 0, () => send(plain, '203.0.113.1', 9));
  print({ phase: 'set null', ok: (await firewall.set(null)).ok, detail: await ferryTables() });
  plain.close();
}

// The test imports this file for its policies: only run as the child itself.
if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
