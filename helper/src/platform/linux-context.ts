// What every Linux network concern needs: the runner, the journal, injectable system paths, and the "already gone" test.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { CommandFailedError, type CommandRunner } from './command-runner.js';
import type { Journal, SystemChange } from './journal.js';
import type { PlatformLogger } from './network.js';

/** Every file the Linux implementation reads or writes outside the state dir; tests point them at temp files. */
export interface LinuxPaths {
  resolvConf: string;
  /** Root of the sysctl tree (per network namespace). */
  procSys: string;
  /** Lists mount points: a bind-mounted resolv.conf must be written in place. */
  mountInfo: string;
  /** systemd-resolved's runtime dir; its existence means resolved is running. */
  systemdResolveDir: string;
  /** Debian resolvconf's ordering file, which gives wg-quick's interface prefix (wireguard.md §5.3). */
  resolvconfInterfaceOrder: string;
}

export const DEFAULT_LINUX_PATHS: LinuxPaths = {
  resolvConf: '/etc/resolv.conf',
  procSys: '/proc/sys',
  mountInfo: '/proc/self/mountinfo',
  systemdResolveDir: '/run/systemd/resolve',
  resolvconfInterfaceOrder: '/etc/resolvconf/interface-order',
};

/** Questions about the host that decide which DNS backend runs; faked in tests. */
export interface HostProbe {
  /** Where an executable of that name is on PATH, or null. */
  findCommand(name: string): Promise<string | null>;
  pathExists(filePath: string): Promise<boolean>;
  /** Whether the path is a symlink (not followed). */
  isSymlink(filePath: string): Promise<boolean>;
}

export type DnsBackendChoice = 'auto' | 'resolved' | 'resolvconf' | 'file';

export interface LinuxContext {
  runner: CommandRunner;
  journal: Journal;
  paths: LinuxPaths;
  probe: HostProbe;
  logger: PlatformLogger;
  stateDir: string;
  dnsBackend: DnsBackendChoice;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.access(filePath);
    return true;
  } catch {
    return false;
  }
}

export const systemHostProbe: HostProbe = {
  async findCommand(name) {
    const directories = (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':').filter(Boolean);
    for (const directory of directories) {
      const candidate = path.join(directory, name);
      try {
        await fs.access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this directory
      }
    }
    return null;
  },
  pathExists: exists,
  async isSymlink(filePath) {
    try {
      return (await fs.lstat(filePath)).isSymbolicLink();
    } catch {
      return false;
    }
  },
};

/** The kernel refused because an identical object exists: it is somebody else's, so undo must not remove it. */
const ALREADY_EXISTS = /File exists|already assigned/i;

/**
 * Journals `change`, then makes it: a crash between the two leaves an entry whose undo finds nothing to do.
 * If the change is refused because the object already existed, the entry is dropped again.
 */
export async function recordThenRun(context: LinuxContext, change: SystemChange, action: () => Promise<unknown>): Promise<void> {
  await context.journal.record(change);
  try {
    await action();
  } catch (error) {
    if (error instanceof CommandFailedError && ALREADY_EXISTS.test(error.result.stderr)) {
      const record = context.journal.entries().at(-1);
      if (record?.change === change) await context.journal.forget(record);
    }
    throw error;
  }
}

/**
 * What `ip`, `nft` and `resolvectl` say when the thing to remove no longer exists — e.g. the TUN device
 * vanished with a dead ferryd and took its addresses and routes along.
 */
const ALREADY_GONE =
  /Cannot find device|does not exist|No such device|No such process|No such file or directory|Address not found|Cannot assign requested address|Unknown interface|Failed to resolve interface/i;

/** Runs an undo command; success or "already gone" both count as undone. */
export async function runUndo(context: LinuxContext, file: string, args: string[]): Promise<void> {
  const result = await context.runner.run(file, args, { allowFailure: true });
  if (result.code === 0) return;
  if (ALREADY_GONE.test(result.stderr)) {
    context.logger.info('already undone', { command: [file, ...args].join(' '), stderr: result.stderr.trim() });
    return;
  }
  throw new CommandFailedError(file, args, result);
}

/** Parses `ip -json`/`nft -j` output that is a JSON array; empty output is an empty list. */
export function parseJsonArray(stdout: string): unknown[] {
  const text = stdout.trim();
  if (text === '') return [];
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error(`expected a JSON array from ip, got: ${text.slice(0, 80)}`);
  return value;
}

export function familyFlag(family: 4 | 6): '-4' | '-6' {
  return family === 4 ? '-4' : '-6';
}
