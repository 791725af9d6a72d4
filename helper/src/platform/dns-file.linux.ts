// DNS by rewriting resolv.conf itself (no resolved, no resolvconf): back up the bytes, write ours, put them back exactly.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readFileIfExists, removeFileDurably, writeFileAtomic, writeFileInPlace } from './durable-file.js';
import type { SystemChange } from './journal.js';
import { recordThenRun, type LinuxContext } from './linux-context.js';
import type { CheckedPlan } from './plan-validation.js';
import { resolverLines } from './dns-resolvconf.linux.js';

type Dns = NonNullable<CheckedPlan['dns']>;

export const RESOLV_CONF_BACKUP_NAME = 'resolv.conf.backup';

/** mountinfo escapes space, tab, newline and backslash as \ooo. */
function unescapeMountPath(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Whether something is mounted on `filePath` (e.g. `ip netns exec` bind-mounting /etc/netns/NS/resolv.conf). */
export async function isMountPoint(mountInfoPath: string, filePath: string): Promise<boolean> {
  const realPath = path.join(await fs.realpath(path.dirname(filePath)), path.basename(filePath));
  const mountInfo = await fs.readFile(mountInfoPath, 'utf8');
  return mountInfo.split('\n').some((line) => {
    const mountPoint = line.split(' ')[4];
    return mountPoint !== undefined && unescapeMountPath(mountPoint) === realPath;
  });
}

/**
 * A mount point cannot be renamed over (EBUSY) and renaming over a symlink would replace the link with a
 * plain file, so both are truncated and rewritten in place; anything else gets an atomic rename.
 */
async function replaceContent(context: LinuxContext, filePath: string, content: string | Uint8Array): Promise<void> {
  const link = await fs.lstat(filePath).catch(() => null);
  if (link?.isSymbolicLink() || (await isMountPoint(context.paths.mountInfo, filePath))) {
    await writeFileInPlace(filePath, content);
    return;
  }
  const stat = await fs.stat(filePath).catch(() => null);
  const owner = stat ? { uid: stat.uid, gid: stat.gid } : undefined;
  await writeFileAtomic(filePath, content, { mode: stat ? stat.mode & 0o7777 : 0o644, ...(owner ? { owner } : {}) });
}

export function resolvConfContent(interfaceName: string, dns: Dns): string {
  return `# Written by ferryd for ${interfaceName}; the previous file comes back when the tunnel goes down.\n${resolverLines(dns)}`;
}

/** Backs the current bytes up into the state dir, journals, then writes the tunnel's resolv.conf. */
export async function applyFileDns(context: LinuxContext, interfaceName: string, dns: Dns): Promise<void> {
  const filePath = context.paths.resolvConf;
  const original = await readFileIfExists(filePath);
  const backupPath = path.join(context.stateDir, RESOLV_CONF_BACKUP_NAME);
  if (original !== null) await writeFileAtomic(backupPath, original, { mode: 0o600 });
  const change: SystemChange = { kind: 'dns', backend: 'file', path: filePath, backupPath, existed: original !== null };
  await recordThenRun(context, change, () => replaceContent(context, filePath, resolvConfContent(interfaceName, dns)));
}

/** Restores the backed-up bytes the same way they were replaced (or removes the file if there was none). */
export async function undoFileDns(context: LinuxContext, change: Extract<SystemChange, { backend: 'file' }>): Promise<void> {
  if (!change.existed) {
    // A dangling symlink (e.g. to a stopped resolved's stub file) stays; only the file we created through it goes.
    const link = await fs.lstat(change.path).catch(() => null);
    const created = link?.isSymbolicLink() ? await fs.realpath(change.path).catch(() => null) : change.path;
    if (created !== null) await fs.rm(created, { force: true });
    return;
  }
  const backup = await readFileIfExists(change.backupPath);
  if (backup === null) throw new Error(`the resolv.conf backup ${change.backupPath} is missing; ${change.path} cannot be restored`);
  await replaceContent(context, change.path, backup);
  await removeFileDurably(change.backupPath);
}
