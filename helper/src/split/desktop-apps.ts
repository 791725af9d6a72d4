// Lists a user's installed applications from XDG `.desktop` entries (Desktop Entry and Base Directory specs): name, resolved program, icon file.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { findIcon } from './desktop-icons.js';
import { parseDesktopEntry, type DesktopEntry } from './desktop-entry.js';
import { isReadableBy } from './file-access.js';

export interface InstalledApp {
  id: string;
  name: string;
  requestedPath: string;
  path: string;
  icon: string | null;
}

export interface DesktopScanOptions {
  /** The user whose entries are listed: files they could not read themselves are skipped. */
  uid: number;
  /** Highest precedence first: the user's data home, then the system's data directories. */
  dataDirs: readonly string[];
  /** Where a program named without a slash is looked for. */
  searchPath: readonly string[];
}

/** The XDG defaults plus where Flatpak and Snap export their entries. */
export const SYSTEM_DATA_DIRS = ['/usr/local/share', '/usr/share', '/var/lib/flatpak/exports/share', '/var/lib/snapd/desktop'];
export const DEFAULT_SEARCH_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin', '/snap/bin'];

const MAX_ENTRY_BYTES = 64 * 1024;
const MAX_FILES_PER_DIR = 4000;
const MAX_DEPTH = 3;

/** `.desktop` files below `dir` with their desktop file ids (subdirectories joined by `-`, §"Desktop File ID"). */
async function desktopFiles(dir: string, prefix = '', depth = 0): Promise<{ id: string; file: string }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: { id: string; file: string }[] = [];
  for (const entry of entries.slice(0, MAX_FILES_PER_DIR)) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) found.push(...(await desktopFiles(file, `${prefix}${entry.name}-`, depth + 1)));
    else if (entry.name.endsWith('.desktop')) found.push({ id: `${prefix}${entry.name}`, file });
  }
  return found;
}

async function isExecutableFile(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat !== null && stat.isFile() && (stat.mode & 0o111) !== 0;
}

/** An absolute program as is; a bare name through the search path; anything else (a relative path) is not found. */
export async function findProgram(program: string, searchPath: readonly string[]): Promise<string | null> {
  if (path.isAbsolute(program)) return (await isExecutableFile(program)) ? program : null;
  if (program.includes('/')) return null;
  for (const dir of searchPath) {
    const candidate = path.join(dir, program);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return null;
}

async function readEntry(file: string, uid: number): Promise<DesktopEntry | null> {
  const real = await fs.realpath(file).catch(() => null);
  if (real === null || !(await isReadableBy(real, uid))) return null;
  const stat = await fs.stat(real);
  if (!stat.isFile() || stat.size > MAX_ENTRY_BYTES) return null;
  return parseDesktopEntry(await fs.readFile(real, 'utf8'));
}

/** The entry as an app, or null when its program (or TryExec) is not installed. */
async function toApp(id: string, entry: DesktopEntry, options: DesktopScanOptions): Promise<InstalledApp | null> {
  if (entry.tryExec !== null && (await findProgram(entry.tryExec, options.searchPath)) === null) return null;
  const requestedPath = await findProgram(entry.program, options.searchPath);
  const resolved = requestedPath === null ? null : await fs.realpath(requestedPath).catch(() => null);
  if (requestedPath === null || resolved === null) return null;
  const icon = entry.icon === null ? null : await findIcon(entry.icon, options.dataDirs, options.uid);
  return { id, name: entry.name, requestedPath, path: resolved, icon };
}

/** Installed applications sorted by name; an id found in an earlier directory hides the same id in later ones. */
export async function listInstalledApps(options: DesktopScanOptions): Promise<InstalledApp[]> {
  const seen = new Set<string>();
  const apps: InstalledApp[] = [];
  for (const dataDir of options.dataDirs) {
    for (const { id, file } of await desktopFiles(path.join(dataDir, 'applications'))) {
      if (seen.has(id)) continue;
      seen.add(id);
      const entry = await readEntry(file, options.uid);
      const app = entry === null ? null : await toApp(id, entry, options);
      if (app !== null) apps.push(app);
    }
  }
  return apps.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'));
}
