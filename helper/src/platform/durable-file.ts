// Durable file writes for the journal and resolv.conf: fsync'd atomic rename, or in-place truncate+write.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

export interface DurableWriteOptions {
  /** Permission bits of a newly created file. */
  mode?: number;
  /** Owner to give the new file (copied from the file being replaced); ignored when not permitted. */
  owner?: { uid: number; gid: number };
}

async function fsyncDirectory(directory: string): Promise<void> {
  const handle = await fs.open(directory, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes to a temporary file in the same directory, fsyncs it, renames it over `filePath`, fsyncs the directory. */
export async function writeFileAtomic(filePath: string, content: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const directory = path.dirname(filePath);
  const temporary = path.join(directory, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temporary, 'wx', options.mode ?? 0o600);
  try {
    await handle.writeFile(content);
    if (options.mode !== undefined) await handle.chmod(options.mode); // umask must not narrow it
    if (options.owner) await handle.chown(options.owner.uid, options.owner.gid).catch(() => undefined);
    await handle.sync();
    await handle.close();
    await fs.rename(temporary, filePath);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await fsyncDirectory(directory);
}

/**
 * Truncates and rewrites `filePath` keeping its inode: the only way to change a file that is a bind-mount
 * target (rename gives EBUSY) or to write through a symlink without replacing the link.
 */
export async function writeFileInPlace(filePath: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
  const handle = await fs.open(filePath, 'w', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a file if present and makes the removal durable. */
export async function removeFileDurably(filePath: string): Promise<void> {
  await fs.rm(filePath, { force: true });
  await fsyncDirectory(path.dirname(filePath));
}

/** The file's bytes, or null if it does not exist. */
export async function readFileIfExists(filePath: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
