// split.apps from the UI: the app process adds its user's XDG data directories, which ferryd (a root daemon started by
// the system, not by the user's session) cannot know; the UI itself (a sandboxed page) cannot read the environment.
import { MAX_SPLIT_PATH_BYTES } from '../../shared/src/protocol/split.js';

/** split.apps takes at most this many (its schema). */
const MAX_DATA_DIRS = 32;

function absoluteDirs(list: string | undefined): string[] {
  return (list ?? '').split(':').filter((dir) => dir.startsWith('/') && dir.length <= MAX_SPLIT_PATH_BYTES);
}

/**
 * XDG_DATA_HOME (when set) then XDG_DATA_DIRS, absolute entries only (the Base Directory spec ignores relative ones).
 * Empty without XDG_DATA_DIRS: then ferryd's defaults apply (the spec's /usr/local/share:/usr/share, plus Flatpak's
 * and Snap's), which a list holding only XDG_DATA_HOME would replace.
 */
export function userDataDirs(env: NodeJS.ProcessEnv): string[] {
  const system = absoluteDirs(env.XDG_DATA_DIRS);
  if (system.length === 0) return [];
  return [...new Set([...absoluteDirs(env.XDG_DATA_HOME), ...system])].slice(0, MAX_DATA_DIRS);
}

/** The params to send for `method`: split.apps without `dataDirs` gets this user's; everything else is left alone. */
export function withUserDataDirs(method: unknown, params: unknown, env: NodeJS.ProcessEnv): unknown {
  if (method !== 'split.apps') return params;
  const given = params ?? {};
  if (typeof given !== 'object' || Array.isArray(given) || 'dataDirs' in given) return params;
  const dataDirs = userDataDirs(env);
  return dataDirs.length === 0 ? params : { ...given, dataDirs };
}
