// The listening socket's file: parent directory, stale-socket removal, and the ownership and mode clients rely on.
import { connect } from 'node:net';
import { chmod, chown, lstat, mkdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../log/logger.js';
import { FERRY_GROUP } from './access.js';
import type { GroupDatabase } from './group-database.js';

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

export type SocketExposure = 'group' | 'everyone';

/**
 * Sets who may connect. With a `ferry` group the socket is root:ferry 0660: only root and the group can connect
 * at all, and SO_PEERCRED still decides read or write per connection. Without that group there is nobody to
 * grant a group permission to, so the socket is 0666: any local user can connect and read status, while writes
 * are still authorised by the peer credentials (uid 0 only), never by the file mode. Connecting to a Unix socket
 * needs write permission on it, which is why 0644 would lock readers out.
 */
export async function secureSocket(path: string, groups: GroupDatabase, logger: Logger): Promise<SocketExposure> {
  const group = groups.group(FERRY_GROUP);
  if (group) {
    try {
      await chown(path, process.getuid?.() ?? 0, group.gid);
      await chmod(path, 0o660);
      return 'group';
    } catch (error) {
      logger.warn('cannot give the socket to the ferry group; opening it to all users (writes are still checked per caller)', { error });
    }
  }
  await chmod(path, 0o666);
  return 'everyone';
}
