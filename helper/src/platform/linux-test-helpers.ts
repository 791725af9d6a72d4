// Test scaffolding for the Linux configurator: temp system paths, a fake host probe, and a fake runner with a realistic fresh system.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../time/fake-clock.js';
import { FakeCommandRunner } from './command-runner.fake.js';
import type { DnsBackendChoice, HostProbe, LinuxPaths } from './linux-context.js';
import { LinuxNetworkConfigurator } from './network.linux.js';

export const ORIGINAL_RESOLV_CONF = '# the host resolver\nnameserver 192.0.2.53\nsearch lan\n';

/** What `ip -json address show dev ferry0` prints for a fresh, down TUN device. */
export const FRESH_TUN_JSON = JSON.stringify([
  { ifindex: 7, ifname: 'ferry0', flags: ['POINTOPOINT', 'MULTICAST', 'NOARP'], mtu: 1500, operstate: 'DOWN', addr_info: [] },
]);
export const FRESH_V4_RULES_JSON =
  '[{"priority":0,"src":"all","table":"local"},{"priority":32766,"src":"all","table":"main"},{"priority":32767,"src":"all","table":"default"}]';
export const FRESH_V6_RULES_JSON = '[{"priority":0,"src":"all","table":"local"},{"priority":32766,"src":"all","table":"main"}]';

export interface FakeHost {
  /** Executables found on PATH, by name → path. */
  commands?: Record<string, string>;
  existingPaths?: string[];
  symlinks?: string[];
}

export function fakeProbe(host: FakeHost = {}): HostProbe {
  return {
    findCommand: async (name) => host.commands?.[name] ?? null,
    pathExists: async (filePath) => host.existingPaths?.includes(filePath) ?? false,
    isSymlink: async (filePath) => host.symlinks?.includes(filePath) ?? false,
  };
}

export interface LinuxTestEnv {
  directory: string;
  stateDir: string;
  paths: LinuxPaths;
  runner: FakeCommandRunner;
  clock: FakeClock;
  srcValidMarkPath: string;
  configurator(options?: { probe?: HostProbe; dnsBackend?: DnsBackendChoice }): LinuxNetworkConfigurator;
  cleanup(): Promise<void>;
}

async function writeFileMaking(filePath: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  await fs.writeFile(filePath, content, { mode: 0o644 });
}

/** Every path under a fresh temp dir: no test of the fake runner ever touches the real /etc or /proc. */
export async function makeLinuxTestEnv(): Promise<LinuxTestEnv> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-platform-'));
  const paths: LinuxPaths = {
    resolvConf: path.join(directory, 'etc', 'resolv.conf'),
    procSys: path.join(directory, 'proc', 'sys'),
    mountInfo: path.join(directory, 'mountinfo'),
    systemdResolveDir: path.join(directory, 'run', 'systemd', 'resolve'),
    resolvconfInterfaceOrder: path.join(directory, 'etc', 'resolvconf', 'interface-order'),
  };
  const srcValidMarkPath = path.join(paths.procSys, 'net', 'ipv4', 'conf', 'all', 'src_valid_mark');
  await writeFileMaking(paths.resolvConf, ORIGINAL_RESOLV_CONF);
  await writeFileMaking(srcValidMarkPath, '0\n');
  await writeFileMaking(paths.mountInfo, '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/vda rw\n');
  const runner = new FakeCommandRunner()
    .on('ip -json address show dev ferry0', { stdout: FRESH_TUN_JSON })
    .on('ip -json -4 rule show', { stdout: FRESH_V4_RULES_JSON })
    .on('ip -json -6 rule show', { stdout: FRESH_V6_RULES_JSON });
  const clock = new FakeClock();
  const stateDir = path.join(directory, 'state');
  return {
    directory,
    stateDir,
    paths,
    runner,
    clock,
    srcValidMarkPath,
    configurator: (options = {}) =>
      new LinuxNetworkConfigurator({ runner, stateDir, clock, paths, probe: options.probe ?? fakeProbe(), dnsBackend: options.dnsBackend ?? 'auto' }),
    cleanup: () => fs.rm(directory, { recursive: true, force: true }),
  };
}

/** The journal file's records, or null when it does not exist. */
export async function readJournalFile(stateDir: string): Promise<unknown[] | null> {
  try {
    return (JSON.parse(await fs.readFile(path.join(stateDir, 'journal.json'), 'utf8')) as { records: unknown[] }).records;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
