// The state directory of ferryd (/var/lib/ferry): created and kept at mode 0700 because it holds private keys.
import { chmod, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_STATE_DIR = '/var/lib/ferry';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `directory` (and parents) if needed and tightens it to 0700; throws if it is not a directory. */
export async function ensurePrivateDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: PRIVATE_DIR_MODE });
  const info = await stat(directory);
  if (!info.isDirectory()) throw new Error(`${directory} is not a directory`);
  if ((info.mode & 0o777) !== PRIVATE_DIR_MODE) await chmod(directory, PRIVATE_DIR_MODE);
}

/** Where profiles live inside the state directory. */
export function profilesDirectory(stateDir: string): string {
  return join(stateDir, 'profiles');
}

export function settingsPath(stateDir: string): string {
  return join(stateDir, 'settings.json');
}
