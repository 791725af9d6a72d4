// The listening socket's file: parent directory, stale-socket removal, and the ownership and mode clients rely on.
import { connect } from 'node:net';
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Resolves true when something accepts connections on `path`. */
function isListening(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/**
 * Creates the parent directory (0755: clients must reach the socket) and removes a socket left by a crashed
 * ferryd. A live socket means another ferryd runs; a path that is not a socket is never deleted.
 */
export async function prepareSocketPath(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!info.isSocket()) throw new Error(`${path} exists and is not a socket; refusing to replace it`);
  if (await isListening(path)) throw new Error(`another ferryd is already listening on ${path}`);
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/**
 * Every local user may connect (DESIGN.md §1: others may read status); what a caller may change is decided per
 * connection from SO_PEERCRED (root and the `ferry` group write), never by the file mode. Connecting to a Unix
 * socket needs write permission on it, which is why 0644 would lock readers out.
 */
export async function secureSocket(path: string): Promise<void> {
  await chmod(path, 0o666);
}
