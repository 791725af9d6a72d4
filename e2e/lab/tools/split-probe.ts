// Lab tool: an "application" for split-tunnel tests: waits, asks the whoami service over TCP which source it sees (or resolves a name), prints it, optionally lingers or asks through a child.
import { spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { parseArgs } from 'node:util';

function ask(host: string, port: number, timeoutMs: number): Promise<string> {
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

/** Asks one resolver directly (not through resolv.conf) for the name's A or AAAA records. */
async function resolveName(name: string, server: string, family: string): Promise<string> {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  resolver.setServers([server]);
  const addresses = family === '6' ? await resolver.resolve6(name) : await resolver.resolve4(name);
  return addresses.join(',');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the same probe as a child of this process through `file` (another Node), relaying its output and exit code. */
function askThroughChild(file: string, host: string, port: string): Promise<number> {
  const child = spawn(file, ['--import', 'tsx', process.argv[1] ?? '', host, port], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { 'delay-ms': { type: 'string' }, 'hold-ms': { type: 'string' }, 'timeout-ms': { type: 'string' }, child: { type: 'string' }, resolve: { type: 'string' }, dns: { type: 'string' }, family: { type: 'string' } },
    allowPositionals: true,
  });
  const [host, port] = positionals;
  if (host === undefined || port === undefined) throw new Error('usage: split-probe [--delay-ms N] [--hold-ms N] [--timeout-ms N] [--child NODE] HOST PORT');
  // Time for ferryd to notice this process (polling /proc in the lab's PID namespace) before it opens a socket.
  await sleep(Number(values['delay-ms'] ?? 0));
  const cgroup = readFileSync('/proc/self/cgroup', 'utf8').split('\n').find((line) => line.startsWith('0::')) ?? '';
  process.stderr.write(`split-probe ${process.pid} cgroup ${cgroup}\n`);
  if (values.resolve !== undefined) {
    process.stdout.write(`${await resolveName(values.resolve, values.dns ?? host, values.family ?? '4')}\n`);
    return;
  }
  if (values.child !== undefined) {
    process.exitCode = await askThroughChild(values.child, host, port);
    return;
  }
  process.stdout.write(`${await ask(host, Number(port), Number(values['timeout-ms'] ?? 10_000))}\n`);
  await sleep(Number(values['hold-ms'] ?? 0));
}

main().catch((error: unknown) => {
  process.stderr.write(`split-probe: ${String(error)}\n`);
  process.exit(1);
});
