// The installed applications of the user calling ferryd: their data home from /etc/passwd, then the system's (or the client's) XDG data directories.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { DesktopApp, SplitRule } from '../../../shared/src/protocol/split.js';
import { DEFAULT_SEARCH_PATH, listInstalledApps, SYSTEM_DATA_DIRS } from './desktop-apps.js';

export type PasswdReader = () => Promise<string>;

export const readSystemPasswd: PasswdReader = () => readFile('/etc/passwd', 'utf8');

/** The home directory field of `uid`'s passwd line, or null. */
export function homeDirectoryOf(passwd: string, uid: number): string | null {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields.length >= 7 && fields[2] === String(uid) && path.isAbsolute(fields[5] ?? '')) return fields[5] ?? null;
  }
  return null;
}

/** `~/.local/share` (XDG_DATA_HOME's default) first, then the directories the client named, or the system's. */
export function userDataDirs(home: string | null, clientDirs: readonly string[] | undefined): string[] {
  const system = (clientDirs ?? []).filter((dir) => path.isAbsolute(dir));
  const dirs = [...(home === null ? [] : [path.join(home, '.local', 'share')]), ...(system.length > 0 ? system : SYSTEM_DATA_DIRS)];
  return [...new Set(dirs.map((dir) => path.resolve(dir)))];
}

export interface UserAppsOptions {
  readPasswd?: PasswdReader;
  searchPath?: readonly string[];
}

/** The apps with the id of the rule that already lists each one's program. */
export async function userApps(uid: number, clientDirs: readonly string[] | undefined, rules: readonly SplitRule[], options: UserAppsOptions = {}): Promise<FerryResult<DesktopApp[]>> {
  const passwd = await (options.readPasswd ?? readSystemPasswd)().catch(() => '');
  const dataDirs = userDataDirs(homeDirectoryOf(passwd, uid), clientDirs);
  const apps = await listInstalledApps({ uid, dataDirs, searchPath: options.searchPath ?? DEFAULT_SEARCH_PATH });
  const ruleByPath = new Map(rules.map((rule) => [rule.path, rule.id]));
  return ok(apps.map((app) => ({ ...app, ruleId: ruleByPath.get(app.path) ?? null })));
}
