// `ferry split launch -- CMD…` on the CLI side: ferryd moves the CLI process (by its SO_PEERCRED pid) into the split cgroup, then the command runs as a child.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import os from 'node:os';
import type { FerryResult } from '../../../shared/src/protocol/errors.js';

export type SpawnFunction = (file: string, args: string[], options: SpawnOptions) => ChildProcess;

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Clients that cannot move themselves (the Electron app's long-lived main process) use the other form of
 * split.launch: spawn a small waiting child (e.g. `sh -c 'read _ && exec "$@"' sh CMD…` with a stdin pipe: the
 * command only ever arrives as arguments), ask ferryd to move that child's PID (it must be the caller's own
 * child), then write the go-ahead line; the exec keeps the PID and the cgroup.
 *
 * Why this design: the daemon is root and the user may not be, so ferryd never starts anything itself. It moves
 * the process that asked (it trusts the kernel's SO_PEERCRED pid, not a number from the message), and only once
 * that move is confirmed does the CLI start the command, which inherits the cgroup from its first instruction,
 * before it can open a socket. It runs as the calling user because the CLI is that user. No shell is involved.
 * Returns the command's exit code (128 + n for signal n), or 127 when it could not be started.
 */
export async function launchInSplitCgroup(
  requestMoveSelf: () => Promise<FerryResult<{ pid: number }>>,
  command: readonly string[],
  spawnFunction: SpawnFunction = spawn,
): Promise<FerryResult<{ exitCode: number }>> {
  const moved = await requestMoveSelf();
  if (!moved.ok) return moved;
  const [file, ...args] = command;
  if (file === undefined) return { ok: true, value: { exitCode: 0 } };
  const child = spawnFunction(file, args, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(code ?? 128 + signalNumber(signal)));
  });
  for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  return { ok: true, value: { exitCode } };
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === null ? 0 : (os.constants.signals[signal] ?? 0);
}
