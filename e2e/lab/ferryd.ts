// Runs the built ferryd inside the lab's client namespace and the ferry CLI against its socket (DESIGN.md §5 contract).
import { chmodSync, mkdirSync } from 'node:fs';
import { inNamespace, run, waitFor, type CommandResult, type RunOptions } from './exec.js';
import type { ProcessTracker, TrackedProcess } from './processes.js';
import { FERRYD_BIN, FERRY_BIN, REPO_ROOT, requireFerryBuilt } from './repo.js';

const READY_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 15_000;

export interface FerrydHandle {
  readonly socketPath: string;
  readonly stateDir: string;
  readonly pid: number;
  readonly process: TrackedProcess;
  /** SIGTERM by PID (SIGKILL after 15 s); resolves with ferryd's exit code. */
  stop(): Promise<number>;
  /** SIGKILL by PID, no chance to clean up: a crash. */
  kill9(): Promise<void>;
  logs(): string;
}

export interface StartFerrydOptions {
  ns: string;
  /** Holds the socket directory (0755 so unprivileged users can reach the socket). */
  runDir: string;
  stateDir: string;
  logLevel?: string;
  processes: ProcessTracker;
  /** Node options for ferryd (e.g. --cpu-prof for the bench's profile); it then runs under this Node explicitly. */
  nodeArgs?: string[];
  /** Extra environment for ferryd (split tunnelling's test hooks). */
  env?: NodeJS.ProcessEnv;
  /**
   * How ferryd enters `ns`: 'netns' (the default) is `ip netns exec`, which mounts a fresh /sys and hides
   * /sys/fs/cgroup; 'nsenter' joins only the network namespace, for split tunnelling (cgroups). ferryd then sees
   * the sandbox's /etc/resolv.conf, not /etc/netns/NS/resolv.conf: give such profiles no DNS.
   */
  enter?: 'netns' | 'nsenter';
}

export interface AsUser {
  uid: number;
  gid: number;
}

/** Runs `ferry --socket SOCKET ARGS...` (as root, or as `asUser` through setpriv with no supplementary groups). */
export function runFerry(socketPath: string, args: readonly string[], asUser?: AsUser, options: RunOptions = {}): Promise<CommandResult> {
  const ferryArgs = ['--socket', socketPath, ...args];
  const runOptions = { cwd: REPO_ROOT, timeoutMs: 60_000, ...options, allowFailure: true };
  if (asUser === undefined) return run(FERRY_BIN, ferryArgs, runOptions);
  const setprivArgs = [`--reuid=${asUser.uid}`, `--regid=${asUser.gid}`, '--clear-groups', '--', FERRY_BIN, ...ferryArgs];
  return run('setpriv', setprivArgs, { ...runOptions, env: { ...process.env, HOME: '/' } });
}

/** Starts ferryd in the foreground inside `ns` and waits until `ferry status` answers on its socket. */
export async function startFerryd(options: StartFerrydOptions): Promise<FerrydHandle> {
  requireFerryBuilt();
  mkdirSync(options.runDir, { recursive: true, mode: 0o755 });
  chmodSync(options.runDir, 0o755);
  const socketPath = `${options.runDir}/ferryd.sock`;
  const args = ['--socket', socketPath, '--state-dir', options.stateDir, '--log-level', options.logLevel ?? 'debug'];
  const [program, programArgs] = options.nodeArgs === undefined ? [FERRYD_BIN, args] : [process.execPath, [...options.nodeArgs, FERRYD_BIN, ...args]];
  const [file, nsArgs] = options.enter === 'nsenter' ? ['nsenter', [`--net=/run/netns/${options.ns}`, '--', program, ...programArgs]]
    : inNamespace(options.ns, program, programArgs);
  const env = options.env === undefined ? {} : { env: { ...process.env, ...options.env } };
  const child = options.processes.spawn(file, nsArgs, { cwd: REPO_ROOT, ...env });
  await waitFor('ferryd to answer `ferry status`', async () => {
    if (!child.isRunning()) throw new Error(`ferryd exited early:\n${child.output().slice(-4000)}`);
    const status = await runFerry(socketPath, ['--json', 'status'], undefined, { timeoutMs: 5_000 });
    return status.code === 0 ? true : undefined;
  }, READY_TIMEOUT_MS, 100).catch((error: unknown) => {
    throw new Error(`${String(error)}\nferryd output:\n${child.output().slice(-4000)}`);
  });
  return {
    socketPath,
    stateDir: options.stateDir,
    pid: child.pid,
    process: child,
    stop: () => child.stop('SIGTERM', STOP_GRACE_MS),
    kill9: async () => {
      await child.stop('SIGKILL', 1_000);
    },
    logs: () => child.output(),
  };
}
