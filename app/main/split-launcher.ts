// desktop.launchSplit: starts a program as this app's user inside ferryd's split cgroup, race-free (issue 6's "launch excluded").
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { fail, ok, type FerryResult } from '../../shared/src/protocol/errors.js';
import type { DaemonApi } from '../common/ferry-api.js';

export type SpawnFunction = (file: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/**
 * The gate: sh waits for one line on stdin, then execs the program, keeping its PID and so the cgroup ferryd moved it
 * into before the program ran a single instruction. The program and its arguments arrive as $0 and "$@": the shell
 * parses nothing the user typed. Without the line (stdin closed), `read` fails and nothing runs.
 */
export const GATE_SCRIPT = 'read -r _ && exec "$0" "$@"';

export interface SplitLauncherDeps {
  /** ferryd's split.launch {pid}: allowed for a direct child of the caller (this process) owned by the same user. */
  moveChild(pid: number): Promise<FerryResult<{ pid: number }>>;
  spawn?: SpawnFunction;
  /** Where the program starts (the user's home), default this process's directory. */
  cwd?: string;
  shell?: string;
}

export interface LaunchParams {
  path: string;
  args?: string[] | undefined;
}

/** Checked here too, so the user hears why at once instead of the gate's exec failing unseen. Messages as ferryd's for rules. */
export async function checkProgram(program: string): Promise<FerryResult<void>> {
  if (!path.isAbsolute(program)) return fail('PATH_INVALID', `not an absolute path: "${program}"`);
  const stat = await fs.stat(program).catch(() => null);
  if (stat === null) return fail('PATH_INVALID', `no such file: "${program}"`);
  const executable = stat.isFile() && (await fs.access(program, constants.X_OK).then(() => true, () => false));
  return executable ? ok(undefined) : fail('PATH_INVALID', `not an executable file: "${program}"`);
}

/** Starts the gate, detached (it outlives the app) with only stdin connected; resolves once the kernel made the process. */
function startGate(deps: SplitLauncherDeps, params: LaunchParams): Promise<FerryResult<ChildProcess & { pid: number }>> {
  const child = (deps.spawn ?? spawn)(deps.shell ?? '/bin/sh', ['-c', GATE_SCRIPT, params.path, ...(params.args ?? [])], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
    ...(deps.cwd === undefined ? {} : { cwd: deps.cwd }),
  });
  // A gate that died early makes the go-ahead write fail with EPIPE: that is not this process's problem.
  child.stdin?.on('error', () => undefined);
  return new Promise((resolve) => {
    child.once('error', (error) => resolve(fail('SYSTEM_ERROR', `could not start ${params.path}: ${error.message}`)));
    child.once('spawn', () => resolve(child.pid === undefined ? fail('SYSTEM_ERROR', `could not start ${params.path}`) : ok(child as ChildProcess & { pid: number })));
  });
}

/** Gate, move, go: on a refusal the gate is killed (the program never ran) and ferryd's error is returned. */
export async function launchSplit(deps: SplitLauncherDeps, params: LaunchParams): Promise<FerryResult<{ pid: number }>> {
  const checked = await checkProgram(params.path);
  if (!checked.ok) return checked;
  const gate = await startGate(deps, params);
  if (!gate.ok) return gate;
  const child = gate.value;
  const moved = await deps.moveChild(child.pid);
  if (!moved.ok) {
    child.kill('SIGKILL');
    child.stdin?.destroy();
    return moved;
  }
  child.stdin?.end('\n');
  child.unref();
  return ok({ pid: child.pid });
}

/** The desktop.launchSplit handler for this process: ferryd through its bridge, programs started in the user's home. */
export function createSplitLauncher(deps: { bridge: Pick<DaemonApi, 'call'>; env: NodeJS.ProcessEnv }): (params: LaunchParams) => Promise<FerryResult<{ pid: number }>> {
  const home = deps.env.HOME;
  const launcherDeps: SplitLauncherDeps = {
    moveChild: (pid) => deps.bridge.call('split.launch', { pid }),
    ...(home !== undefined && path.isAbsolute(home) ? { cwd: home } : {}),
  };
  return (params) => launchSplit(launcherDeps, params);
}
