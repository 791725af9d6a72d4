// Whether a user could read a file themselves: root reads for users from their homes, so it must not hand out what they could not open.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * True for root; for others when they own the file, or when it is world-readable behind world-searchable
 * directories. Group permissions are not considered (that would need the user's groups): such files are refused.
 * `realPath` must have symlinks resolved, or a link could point anywhere.
 */
export async function isReadableBy(realPath: string, uid: number): Promise<boolean> {
  if (uid === 0) return true;
  const stat = await fs.stat(realPath).catch(() => null);
  if (stat === null) return false;
  if (stat.uid === uid) return true;
  if ((stat.mode & 0o004) === 0) return false;
  for (let dir = path.dirname(realPath); ; dir = path.dirname(dir)) {
    const dirStat = await fs.stat(dir).catch(() => null);
    if (dirStat === null || (dirStat.uid !== uid && (dirStat.mode & 0o001) === 0)) return false;
    if (dir === path.dirname(dir)) return true;
  }
}
