// Split tunnelling in the lab (issue 6): ferryd entered with nsenter (cgroups stay visible), apps with executables of their own, probes, cgroup cleanup.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitListSchema, type SplitList } from '../../shared/src/protocol/split.js';
import { runIn, type CommandResult } from './exec.js';
import type { AsUser, FerrydHandle } from './ferryd.js';
import type { Lab } from './lab.js';
import type { TrackedProcess } from './processes.js';
import { FERRY_BIN, REPO_ROOT } from './repo.js';

const PROBE = `${REPO_ROOT}e2e/lab/tools/split-probe.ts`;
/** Longer than ferryd's worst catch time (polling /proc every 30 ms here) plus Node's start-up jitter. */
export const CATCH_DELAY_MS = 400;

export interface ProbeOptions {
  delayMs?: number;
  holdMs?: number;
  /** Give up on the whoami service after this long (default 10 s). */
  timeoutMs?: number;
  /** Ask through a child started from this executable. */
  child?: string;
  /** Instead of asking whoami: resolve `name` (A for family 4, AAAA for 6) at the resolver `server`, print the addresses. */
  resolve?: { name: string; server: string; family: 4 | 6 };
}

/** The cgroup2 mount of the sandbox (/sys/fs/cgroup/unified on this hybrid host). */
function cgroup2Mount(): string | null {
  const line = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((text) => text.includes(' - cgroup2 '));
  return line?.split(' ')[4] ?? null;
}

/** Cgroups are not namespaced: whatever a test's ferryd left under its prefix goes, its processes back to the root. */
export function removeSplitCgroups(prefix: string): void {
  const mount = cgroup2Mount();
  if (mount === null) return;
  for (const mode of ['exclude', 'include']) {
    const parent = join(mount, `${prefix}-${mode}`);
    if (!existsSync(parent)) continue;
    for (const dir of [...readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(parent, e.name)), parent]) {
      for (const pid of readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
        try {
          writeFileSync(join(mount, 'cgroup.procs'), pid);
        } catch {
          // the process exited meanwhile
        }
      }
      rmdirSync(dir);
    }
  }
}

export class SplitLab {
  readonly appDir: string;
  /** This lab's ferryd names its cgroups `<prefix>-exclude`/`-include`, so a real Ferry's are never touched. */
  readonly cgroupPrefix: string;

  constructor(readonly lab: Lab) {
    // On the root file system (not the sandbox's tmpfs), so app executables can be hard links to Node.
    this.appDir = `/tmp/ferry-split-${lab.names.id}`;
    this.cgroupPrefix = `ferry-lab-${lab.names.id}`;
    mkdirSync(this.appDir, { recursive: true, mode: 0o755 });
  }

  startFerryd(env: NodeJS.ProcessEnv = {}): Promise<FerrydHandle> {
    return this.lab.startFerryd(undefined, undefined, { enter: 'nsenter', env: { FERRY_SPLIT_CGROUP_PREFIX: this.cgroupPrefix, ...env } });
  }

  /** An application with an executable of its own (a hard link to Node; a copy across file systems). */
  app(name: string): string {
    const file = join(this.appDir, name);
    if (existsSync(file)) return file;
    try {
      linkSync(process.execPath, file);
    } catch {
      copyFileSync(process.execPath, file);
    }
    return file;
  }

  /** Runs the probe app `exe` in the client namespace; its whoami answer, or the failure. */
  runProbe(exe: string, target: string, options: ProbeOptions = {}): Promise<CommandResult> {
    const [file, ...args] = this.probeCommand(exe, target, options);
    return runIn(this.lab.ns('client'), file as string, args, {
      cwd: REPO_ROOT,
      allowFailure: true,
      timeoutMs: 30_000,
    });
  }

  /** The source address the whoami service saw from the probe app `exe`; throws with the probe's output when it failed. */
  async whoami(exe: string, target: string, options: ProbeOptions = { delayMs: CATCH_DELAY_MS }): Promise<string> {
    const result = await this.runProbe(exe, target, options);
    if (result.code !== 0) throw new Error(`probe ${exe} → ${target} exited ${result.code}: ${result.stderr.trim()}`);
    return result.stdout.trim();
  }

  /** A probe left running (it answers, then lingers for `holdMs`), for `split list`. */
  spawnProbe(exe: string, target: string, options: ProbeOptions): TrackedProcess {
    const [file, ...args] = this.probeCommand(exe, target, options);
    return this.lab.spawn('client', file as string, args, { cwd: REPO_ROOT });
  }

  /** The argument vector that runs the probe app `exe` (its whoami question to `target`). */
  probeCommand(exe: string, target: string, options: ProbeOptions = {}): string[] {
    return [exe, '--import', 'tsx', PROBE, ...probeArgs(options), target, String(this.lab.addresses.whoamiPort)];
  }

  /**
   * `ferry split launch -- COMMAND…` in the client namespace (as `asUser` through setpriv): the CLI is moved into
   * the split cgroup, then the command starts as its child.
   */
  launch(command: readonly string[], asUser?: AsUser): Promise<CommandResult> {
    const ferry = [FERRY_BIN, '--socket', this.lab.socketPath, 'split', 'launch', '--', ...command];
    const [file, args] = asUser === undefined ? [FERRY_BIN, ferry.slice(1)] : ['setpriv', [`--reuid=${asUser.uid}`, `--regid=${asUser.gid}`, '--clear-groups', '--', ...ferry]];
    return runIn(this.lab.ns('client'), file, args, { cwd: REPO_ROOT, allowFailure: true, timeoutMs: 30_000, env: { ...process.env, HOME: '/' } });
  }

  /** `ferry split list --json`, checked against the protocol schema. */
  async splitList(): Promise<SplitList> {
    return splitListSchema.parse(await this.lab.ferryJson<unknown>(['split', 'list']));
  }

  /** After lab.destroy() (ferryd gone): cgroups it may have left, and the app executables. */
  cleanUp(): void {
    removeSplitCgroups(this.cgroupPrefix);
    rmSync(this.appDir, { recursive: true, force: true });
  }
}

function probeArgs(options: ProbeOptions): string[] {
  return [
    ...(options.delayMs === undefined ? [] : ['--delay-ms', String(options.delayMs)]),
    ...(options.holdMs === undefined ? [] : ['--hold-ms', String(options.holdMs)]),
    ...(options.timeoutMs === undefined ? [] : ['--timeout-ms', String(options.timeoutMs)]),
    ...(options.child === undefined ? [] : ['--child', options.child]),
    ...(options.resolve === undefined ? [] : ['--resolve', options.resolve.name, '--dns', options.resolve.server, '--family', String(options.resolve.family)]),
  ];
}
