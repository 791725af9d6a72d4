// Test support for the real split-tunnel tests (root): a namespace entered with nsenter (so /sys/fs/cgroup stays visible), test cgroups, UDP senders.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createExecFileRunner, type CommandRunner } from './command-runner.js';

const run = promisify(execFile);

export const randomSuffix = (): string => randomBytes(4).toString('hex');

/** Runs every command inside the namespace; nsenter fails rather than falling back to the root namespace. */
export function namespacedRunner(namespace: string): CommandRunner {
  const inner = createExecFileRunner();
  return { run: (file, args, options) => inner.run('nsenter', [`--net=/run/netns/${namespace}`, file, ...args], options) };
}

export async function inNamespace(namespace: string, file: string, ...args: string[]): Promise<string> {
  return (await run('nsenter', [`--net=/run/netns/${namespace}`, file, ...args])).stdout;
}

/** Creates `ferry-split-<random>` and `…-net` (the client and the network it reaches), and deletes both whatever happens. */
export async function withNamespaces<T>(body: (client: string, network: string) => Promise<T>): Promise<T> {
  const client = `ferry-split-${randomSuffix()}`;
  const network = `${client}-net`;
  await run('ip', ['netns', 'add', client]);
  try {
    await run('ip', ['netns', 'add', network]);
    try {
      return await body(client, network);
    } finally {
      await run('ip', ['netns', 'del', network]);
    }
  } finally {
    await run('ip', ['netns', 'del', client]);
  }
}

/** Empties a cgroup tree into the hierarchy root and removes it; for `finally` blocks (cgroups are not namespaced). */
export function removeCgroupTree(dir: string, rootDir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeCgroupTree(path.join(dir, entry.name), rootDir);
  }
  for (const pid of readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
    try {
      writeFileSync(path.join(rootDir, 'cgroup.procs'), pid);
    } catch {
      // exited meanwhile
    }
  }
  rmdirSync(dir);
}

const SENDER = `
const dgram = require('node:dgram');
const [targets, expected] = JSON.parse(process.argv[1]);
let replies = 0;
const finish = () => { process.stdout.write(JSON.stringify({ replies }) + '\\n'); process.exit(0); };
process.stdin.once('data', async () => {
  for (const [type, host] of targets) {
    const socket = dgram.createSocket(type);
    socket.on('message', () => ++replies === expected && finish());
    for (let i = 0; i < 3; i++) await new Promise((resolve) => socket.send(Buffer.alloc(100), 9999, host, () => resolve()));
  }
  setTimeout(finish, expected === 0 ? 300 : 3000);
});
`;

// Bound to each address: a reply must come from the address the request went to, or conntrack sees a new flow.
const ECHO = `
const dgram = require('node:dgram');
const addresses = JSON.parse(process.argv[1]);
let bound = 0;
for (const [type, address] of addresses) {
  const socket = dgram.createSocket(type);
  socket.on('message', (message, from) => socket.send(message, from.port, from.address));
  socket.bind(9999, address, () => ++bound === addresses.length && process.stdout.write('ready\\n'));
}
`;

export interface Sender {
  pid: number;
  /** Opens its sockets only now (a socket belongs to the cgroup it was created in), sends 3 datagrams per target, counts replies. */
  send(): Promise<number>;
  kill(): void;
}

function killQuietly(pid: number | undefined): void {
  try {
    if (pid !== undefined) process.kill(pid, 'SIGKILL');
  } catch {
    // it exited on its own in the meantime
  }
}

function startNode(namespace: string, script: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn('nsenter', [`--net=/run/netns/${namespace}`, process.execPath, '-e', script, ...args]);
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before a line`)));
  });
}

/** A node process in the namespace waiting on stdin; nsenter execs node in place, so the PID is node's. */
export function startSender(namespace: string, targets: [string, string][], expectedReplies: number): Sender {
  const child = startNode(namespace, SENDER, [JSON.stringify([targets, expectedReplies])]);
  const line = firstLine(child);
  return {
    pid: child.pid ?? -1,
    send: async () => {
      child.stdin.write('go\n');
      return (JSON.parse(await line) as { replies: number }).replies;
    },
    kill: () => killQuietly(child.pid),
  };
}

/** A UDP echo server on port 9999 of each address in the namespace; resolves once it is listening. */
export async function startEcho(namespace: string, addresses: [string, string][]): Promise<{ kill(): void }> {
  const child = startNode(namespace, ECHO, [JSON.stringify(addresses)]);
  await firstLine(child);
  return { kill: () => killQuietly(child.pid) };
}

/** The packet counts of the anonymous counters of one chain, in rule order. */
export async function chainCounters(namespace: string, table: string, chain: string): Promise<number[]> {
  const json = JSON.parse(await inNamespace(namespace, 'nft', '-j', 'list', 'chain', 'inet', table, chain)) as { nftables: { rule?: { expr: { counter?: { packets: number } }[] } }[] };
  return json.nftables.flatMap((item) => item.rule?.expr.flatMap((expression) => (expression.counter ? [expression.counter.packets] : [])) ?? []);
}
