// Launch at login on Linux desktops: Ferry's entry in the user's autostart folder (freedesktop Desktop Application
// Autostart Specification 0.5, located per the XDG Base Directory Specification 0.8), written atomically.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { fail, ok, type FerryResult } from '../../shared/src/protocol/errors.js';
import type { LaunchAtLogin } from '../common/desktop-methods.js';
import { escapeString, execValue, readMainGroup } from './desktop-entry.js';
import type { LaunchCommand, LaunchAtLoginService } from './launch-at-login.js';

export const AUTOSTART_FILE_NAME = 'ferry.desktop';
/** Marks the entry as Ferry's own, so a file the user or a package put there is never overwritten or removed. */
export const OWNER_KEY = 'X-Ferry-Launch-At-Login';

/** $XDG_CONFIG_HOME/autostart/ferry.desktop; the variable counts only when set to an absolute path (basedir spec), else ~/.config. */
export function autostartPath(env: NodeJS.ProcessEnv): FerryResult<string> {
  const configHome = env.XDG_CONFIG_HOME;
  if (configHome && isAbsolute(configHome)) return ok(join(configHome, 'autostart', AUTOSTART_FILE_NAME));
  const home = env.HOME;
  if (home && isAbsolute(home)) return ok(join(home, '.config', 'autostart', AUTOSTART_FILE_NAME));
  return fail('SYSTEM_ERROR', 'neither XDG_CONFIG_HOME nor HOME is set: there is no autostart folder to use');
}

/** The entry Ferry writes: an Application started without a terminal, marked as ours. */
export function autostartEntry(command: LaunchCommand): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=Ferry',
    `Comment=${escapeString('Start Ferry in the tray when you log in')}`,
    `Exec=${execValue(command.executable, command.args)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    `${OWNER_KEY}=true`,
    '',
  ].join('\n');
}

/** What the file at `path` means: absent → off; ours → on unless hidden or disabled by GNOME's key; anyone else's → not ours to change. */
export function interpretEntry(path: string, text: string | null): LaunchAtLogin {
  if (text === null) return { enabled: false, unavailable: null };
  const keys = readMainGroup(text);
  if (keys.get(OWNER_KEY) !== 'true') {
    return { enabled: false, unavailable: `${path} was not written by Ferry; remove it to choose here whether Ferry starts at login.` };
  }
  const hidden = keys.get('Hidden') === 'true';
  const gnomeDisabled = keys.get('X-GNOME-Autostart-enabled') === 'false';
  return { enabled: !hidden && !gnomeDisabled, unavailable: null };
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Write to a temporary file in the same folder, then rename over: a session starting meanwhile sees the old file or the new one. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `.${AUTOSTART_FILE_NAME}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { mode: 0o644, flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function systemError(action: string, error: unknown): FerryResult<never> {
  return fail('SYSTEM_ERROR', `could not ${action}: ${error instanceof Error ? error.message : String(error)}`);
}

export function createXdgLaunchAtLogin(env: NodeJS.ProcessEnv, command: LaunchCommand): LaunchAtLoginService {
  const get = async (): Promise<FerryResult<LaunchAtLogin>> => {
    const path = autostartPath(env);
    if (!path.ok) return ok({ enabled: false, unavailable: path.error.message });
    try {
      return ok(interpretEntry(path.value, await readIfPresent(path.value)));
    } catch (error) {
      return systemError(`read ${path.value}`, error);
    }
  };
  const set = async (enabled: boolean): Promise<FerryResult<LaunchAtLogin>> => {
    const path = autostartPath(env);
    if (!path.ok) return path;
    const now = await get();
    if (!now.ok) return now;
    if (now.value.unavailable !== null) return fail('SYSTEM_ERROR', now.value.unavailable);
    try {
      if (enabled) await writeAtomically(path.value, autostartEntry(command));
      else await rm(path.value, { force: true });
    } catch (error) {
      return systemError(enabled ? `write ${path.value}` : `remove ${path.value}`, error);
    }
    return get();
  };
  return { get, set };
}
