// Long-running lab processes: started without a shell, tracked by PID, stopped by PID (with their descendants), never by name.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describeCommand, sleep } from './exec.js';

const OUTPUT_TAIL_BYTES = 64 * 1024;
const STOP_GRACE_MS = 3_000;

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with each complete line the process prints (stdout and stderr). */
  onLine?: (line: string) => void;
}

export interface TrackedProcess {
  readonly pid: number;
  readonly command: string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited: its exit code, or -1 when a signal ended it. */
  readonly exited: Promise<number>;
  isRunning(): boolean;
  /** The last 64 KiB the process printed, for diagnostics. */
  output(): string;
  /** Sends `signal` (SIGTERM by default) to the process and its descendants, SIGKILL after a grace period. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number>;
}

/** The PIDs of every descendant of `pid`, read from /proc (children before grandchildren). */
export function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = children.get(queue.shift() as number) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: the fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

/** True while `pid` exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function signalEach(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Signals `pid` and its descendants, waits up to `graceMs` for all of them to go, then SIGKILLs the rest. */
export async function stopTree(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  const tree = [pid, ...descendantsOf(pid)];
  signalEach(tree, signal);
  const deadline = Date.now() + graceMs;
  while (tree.some(isAlive) && Date.now() < deadline) await sleep(50);
  const left = tree.filter(isAlive);
  if (left.length > 0) signalEach([...left, ...left.flatMap(descendantsOf)], 'SIGKILL');
  while (tree.some(isAlive) && Date.now() < deadline + graceMs) await sleep(50);
}

/** Starts processes and remembers them, so that `stopAll` ends every one of them by PID. */
export class ProcessTracker {
  private readonly processes = new Set<TrackedProcess>();

  spawn(file: string, args: readonly string[], options: SpawnOptions = {}): TrackedProcess {
    // detached: a process group of its own, so a Ctrl-C in the terminal reaches only the test or demo, which then
    // stops its processes in order (ferryd disconnects before wireguard-go goes away).
    const child = spawn(file, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid === undefined) throw new Error(`cannot start ${describeCommand(file, args)}`);
    const tracked = trackChild(child, child.pid, describeCommand(file, args), options.onLine);
    this.processes.add(tracked);
    void tracked.exited.then(() => this.processes.delete(tracked));
    return tracked;
  }

  running(): TrackedProcess[] {
    return [...this.processes].filter((p) => p.isRunning());
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.processes].map((p) => p.stop('SIGTERM', STOP_GRACE_MS)));
  }
}

function trackChild(child: ChildProcess, pid: number, command: string, onLine?: (line: string) => void): TrackedProcess {
  let tail = '';
  let partial = '';
  let running = true;
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-OUTPUT_TAIL_BYTES);
    if (onLine === undefined) return;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(onLine);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code) => {
      running = false;
      resolve(code ?? -1);
    });
    child.on('error', () => {
      running = false;
      resolve(-1);
    });
  });
  return {
    pid,
    command,
    child,
    exited,
    isRunning: () => running,
    output: () => tail,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = STOP_GRACE_MS): Promise<number> {
      if (running) await stopTree(pid, signal, graceMs);
      return exited;
    },
  };
}
