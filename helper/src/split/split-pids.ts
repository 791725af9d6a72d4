// Who may move which process (issue 6: `ferry split pid add|remove`, `ferry split launch`): checks on a target PID against the caller's SO_PEERCRED.
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { ProcessStatus, ProcFs } from './proc-fs.js';

/** The caller as the kernel reported it on the socket (SO_PEERCRED): it cannot lie about these. */
export interface SplitCaller {
  pid: number;
  uid: number;
  gid: number;
}

/**
 * A process may be moved by root, or by the user it belongs to (its real uid): moving someone else's process out
 * of the tunnel would leak their traffic. With `childOfCaller` (launch with a shim) it must also be the caller's child.
 */
export function checkTargetPid(procfs: ProcFs, pid: number, caller: SplitCaller, options: { childOfCaller?: boolean } = {}): FerryResult<ProcessStatus> {
  if (pid <= 1 || pid === process.pid) return fail('INVALID_PARAMS', `process ${pid} cannot be moved`, { reason: 'pid-protected' });
  const status = procfs.status(pid);
  if (status === null) return fail('INVALID_PARAMS', `no such process: ${pid}`, { reason: 'pid-missing' });
  if (caller.uid !== 0 && status.uid !== caller.uid) return fail('FORBIDDEN', `process ${pid} belongs to another user`, { reason: 'pid-not-yours' });
  if (options.childOfCaller && status.ppid !== caller.pid) {
    return fail('INVALID_PARAMS', `process ${pid} is not a child of the caller`, { reason: 'pid-not-child' });
  }
  return ok(status);
}
