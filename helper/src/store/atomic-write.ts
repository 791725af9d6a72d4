// Crash-safe file replacement: write a temp file in the same directory, fsync, rename over, fsync the directory.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files start with a dot and end in .tmp so a loader can recognise (and remove) leftovers of a crash. */
export function isTempFileName(fileName: string): boolean {
  return fileName.startsWith('.') && fileName.endsWith('.tmp');
}

/** fsync a directory so a rename or unlink in it survives a power cut. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` with `data` so that a reader (or a reboot) sees either the old file or the new one, never a
 * mix. The mode is set explicitly because the process umask may be looser or tighter than wanted.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const directory = dirname(path);
  const temp = join(directory, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx' refuses to follow a planted symlink or reuse an existing file.
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.chmod(mode);
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}
