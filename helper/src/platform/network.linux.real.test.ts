// The Linux configurator against a real kernel, inside a network namespace this test creates (needs root; never touches the root namespace).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SystemSnapshot } from './network.linux.real-child.js';

const CHILD = fileURLToPath(new URL('./network.linux.real-child.ts', import.meta.url));
const REPO_ROOT = path.resolve(path.dirname(CHILD), '../../..');
const ORIGINAL_RESOLV_CONF = 'nameserver 192.0.2.53\nsearch lab.invalid\n';

interface Sandbox {
  namespace: string;
  stateDir: string;
  /** The path the child configures, bind-mounted over by `bindSource` inside the child. */
  resolvConf: string;
  bindSource: string;
}

/** A fresh namespace with a persistent TUN device `ftun0`; always deleted afterwards. */
async function withSandbox(test: (sandbox: Sandbox) => Promise<void>): Promise<void> {
  const namespace = `ferry-plat-${randomBytes(4).toString('hex')}`;
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-plat-'));
  try {
    execFileSync('ip', ['netns', 'add', namespace]);
    execFileSync('ip', ['-n', namespace, 'tuntap', 'add', 'dev', 'ftun0', 'mode', 'tun']);
    const sandbox = { namespace, stateDir: path.join(directory, 'state'), resolvConf: path.join(directory, 'resolv.conf'), bindSource: path.join(directory, 'netns-resolv.conf') };
    await fs.writeFile(sandbox.resolvConf, '# covered by the bind mount\n');
    await fs.writeFile(sandbox.bindSource, ORIGINAL_RESOLV_CONF);
    await test(sandbox);
  } finally {
    execFileSync('ip', ['netns', 'delete', namespace], { stdio: 'ignore' });
    await fs.rm(directory, { recursive: true, force: true });
  }
}

interface ChildLine {
  stage: string;
  result: { ok: boolean };
  snapshot: SystemSnapshot;
  before?: SystemSnapshot;
  table?: number;
}

/** Runs the child inside the namespace; `killAfter` SIGKILLs it (by PID) once it printed that stage. */
function runChild(sandbox: Sandbox, mode: string, killAfter?: string): Promise<ChildLine[]> {
  const args = ['netns', 'exec', sandbox.namespace, process.execPath, '--import', 'tsx', CHILD, mode, sandbox.stateDir, sandbox.resolvConf, sandbox.bindSource];
  // `ip netns exec` execs node without forking, so child.pid is node's.
  const child = spawn('ip', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: ChildLine[] = [];
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (let end = stdout.indexOf('\n'); end >= 0; end = stdout.indexOf('\n')) {
      const line = JSON.parse(stdout.slice(0, end)) as ChildLine;
      stdout = stdout.slice(end + 1);
      lines.push(line);
      if (line.stage === killAfter && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0 || (killAfter !== undefined && signal === 'SIGKILL')) resolve(lines);
      else reject(new Error(`child exited with ${code ?? signal}: ${stderr}`));
    });
  });
}

/** The kernel gives a link its default qdisc when it first goes up and never takes it away: not ours to restore. */
function comparable(snapshot: SystemSnapshot): SystemSnapshot {
  const addresses = (snapshot.addresses as Record<string, unknown>[]).map(({ qdisc: _qdisc, ...link }) => link);
  return { ...snapshot, addresses };
}

function expectTunnelApplied(line: ChildLine | undefined): void {
  expect(line?.result.ok).toBe(true);
  const table = String(line?.table);
  const applied = line?.snapshot;
  const links = applied?.addresses as { ifname: string; mtu: number; flags: string[]; addr_info: { local: string }[] }[];
  const tun = links.find((link) => link.ifname === 'ftun0');
  expect(tun?.mtu).toBe(1420);
  expect(tun?.flags).toContain('UP');
  expect(tun?.addr_info.map((info) => info.local)).toEqual(['10.77.0.2', 'fd00:77::2']);
  for (const rules of [applied?.rules4, applied?.rules6]) {
    expect(rules).toContainEqual({ priority: 32764, src: 'all', table: 'main', suppress_prefixlen: 0 });
    expect(rules).toContainEqual({ priority: 32765, not: null, src: 'all', fwmark: `0x${Number(table).toString(16)}`, table });
  }
  expect(applied?.routes4).toContainEqual(expect.objectContaining({ dst: 'default', dev: 'ftun0', table }));
  expect(applied?.routes6).toContainEqual(expect.objectContaining({ dst: 'default', dev: 'ftun0', table }));
  expect(applied?.routes4).toContainEqual(expect.objectContaining({ dst: '10.78.0.0/16', dev: 'ftun0' }));
  expect(applied?.routes6).toContainEqual(expect.objectContaining({ dst: 'fd00:78::/64', dev: 'ftun0' }));
  expect(JSON.stringify(applied?.nft)).toContain('"table":{"family":"inet","name":"ferry-mark-ftun0"');
  expect(applied?.srcValidMark).toBe('1');
  expect(applied?.resolvConf).toContain('nameserver 10.77.0.1\nnameserver fd00:77::1\nsearch ferry.test\n');
}

const rootSrcValidMark = (): string => readFileSync('/proc/sys/net/ipv4/conf/all/src_valid_mark', 'utf8');

describe('LinuxNetworkConfigurator in a real network namespace', () => {
  it('applies a full v4+v6 tunnel with DNS, then reverts to exactly the state before', async () => {
    const rootBefore = rootSrcValidMark();
    await withSandbox(async (sandbox) => {
      const [applied, reverted] = await runChild(sandbox, 'apply-revert');
      expectTunnelApplied(applied);
      expect(applied?.before?.resolvConf).toBe(ORIGINAL_RESOLV_CONF);
      expect(reverted?.result.ok).toBe(true);
      expect(comparable(reverted!.snapshot)).toEqual(comparable(applied!.before!));
      await expect(fs.access(path.join(sandbox.stateDir, 'journal.json'))).rejects.toThrow();
    });
    expect(rootSrcValidMark()).toBe(rootBefore);
  });

  it('recovers after a ferryd killed with the tunnel up', async () => {
    await withSandbox(async (sandbox) => {
      const [applied] = await runChild(sandbox, 'apply-then-hang', 'applied');
      expectTunnelApplied(applied);
      expect(JSON.parse(await fs.readFile(path.join(sandbox.stateDir, 'journal.json'), 'utf8')).records.length).toBeGreaterThan(10);
      const [recovered] = await runChild(sandbox, 'recover');
      expect(recovered?.result.ok).toBe(true);
      expect(comparable(recovered!.snapshot)).toEqual(comparable(applied!.before!));
      expect(await fs.readFile(sandbox.bindSource, 'utf8')).toBe(ORIGINAL_RESOLV_CONF);
    });
  });
});
