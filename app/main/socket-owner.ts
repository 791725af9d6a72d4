// Refuses a ferryd socket that root does not own (DESIGN.md §1): another user could otherwise pose as the daemon.
import { stat } from 'node:fs/promises';
import type { UnavailableReason } from '../common/bridge-connection.js';

export type OwnerCheck = { ok: true } | { ok: false; reason: UnavailableReason; message: string };

export type StatSocket = (path: string) => Promise<{ uid: number; isSocket(): boolean }>;

/** Checks that `path` is a socket owned by uid 0; `allowNonRoot` exists for tests that run ferryd unprivileged. */
export async function checkSocketOwner(path: string, allowNonRoot: boolean, statSocket: StatSocket = stat): Promise<OwnerCheck> {
  let info;
  try {
    info = await statSocket(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'permission-denied', message: `cannot look at ${path}: permission denied` };
    return { ok: false, reason: 'no-socket', message: `${path} does not exist` };
  }
  if (!info.isSocket()) return { ok: false, reason: 'no-socket', message: `${path} is not a socket` };
  if (info.uid !== 0 && !allowNonRoot) {
    return { ok: false, reason: 'not-root-owned', message: `refusing ${path}: it is owned by uid ${info.uid}, not root` };
  }
  return { ok: true };
}
