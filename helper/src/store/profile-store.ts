// Profiles on disk: one 0600 JSON file per profile in a 0700 directory, loaded at start, changed atomically.
import { chmod, lstat, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import { fail, ok } from '../../../shared/src/protocol/errors.js';
import type { Logger } from '../log/logger.js';
import { isTempFileName, syncDirectory, writeFileAtomic } from './atomic-write.js';
import { Listeners } from './listeners.js';
import { decodeProfileFile, encodeProfileFile, type StoredProfile } from './profile-file.js';
import { PROFILE_FILE_SUFFIX, profileFileName } from './profile-file-name.js';
import { ensurePrivateDirectory, PRIVATE_FILE_MODE } from './state-dir.js';

export class ProfileStore {
  private readonly profiles = new Map<string, StoredProfile>();
  private readonly changes = new Listeners<StoredProfile[]>();
  /** Mutations run one at a time so two requests cannot interleave their file operations. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly directory: string,
    private readonly logger: Logger,
  ) {}

  /** Opens (creating if needed) the profile directory and loads every readable profile; bad files are logged and skipped. */
  static async open(directory: string, logger: Logger): Promise<ProfileStore> {
    await ensurePrivateDirectory(directory);
    const store = new ProfileStore(directory, logger);
    await store.load();
    return store;
  }

  /** All profiles, sorted by name. */
  list(): StoredProfile[] {
    return [...this.profiles.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): StoredProfile | undefined {
    return this.profiles.get(name);
  }

  /** Calls `listener` with the whole list after every change. */
  onChange(listener: (profiles: StoredProfile[]) => void): () => void {
    return this.changes.add(listener);
  }

  create(name: string, config: WgQuickConfig): Promise<FerryResult<StoredProfile>> {
    return this.mutate(async () => {
      if (this.profiles.has(name)) return fail('PROFILE_EXISTS', `profile "${name}" already exists`);
      return this.write({ name, config });
    });
  }

  update(name: string, config: WgQuickConfig): Promise<FerryResult<StoredProfile>> {
    return this.mutate(async () => {
      if (!this.profiles.has(name)) return notFound(name);
      return this.write({ name, config });
    });
  }

  rename(name: string, newName: string): Promise<FerryResult<StoredProfile>> {
    return this.mutate(async () => {
      const existing = this.profiles.get(name);
      if (!existing) return notFound(name);
      if (name === newName) return ok(existing);
      if (this.profiles.has(newName)) return fail('PROFILE_EXISTS', `profile "${newName}" already exists`);
      // New file first: a crash in between leaves two copies rather than none.
      const written = await this.write({ name: newName, config: existing.config });
      if (!written.ok) return written;
      const removed = await this.unlinkProfile(name);
      return removed.ok ? written : removed;
    });
  }

  remove(name: string): Promise<FerryResult<true>> {
    return this.mutate(async () => {
      if (!this.profiles.has(name)) return notFound(name);
      return this.unlinkProfile(name);
    });
  }

  private mutate<T>(operation: () => Promise<FerryResult<T>>): Promise<FerryResult<T>> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run.then((result) => {
      if (result.ok) this.changes.emit(this.list(), (error) => this.logger.error('profile listener failed', { error }));
      return result;
    });
  }

  private async write(profile: StoredProfile): Promise<FerryResult<StoredProfile>> {
    const path = join(this.directory, profileFileName(profile.name));
    try {
      await writeFileAtomic(path, encodeProfileFile(profile), PRIVATE_FILE_MODE);
    } catch (error) {
      this.logger.error('cannot write profile', { profile: profile.name, error });
      return fail('SYSTEM_ERROR', `cannot save profile "${profile.name}": ${errorText(error)}`);
    }
    this.profiles.set(profile.name, profile);
    return ok(profile);
  }

  private async unlinkProfile(name: string): Promise<FerryResult<true>> {
    try {
      await unlink(join(this.directory, profileFileName(name))).catch(ignoreMissing);
      await syncDirectory(this.directory);
    } catch (error) {
      this.logger.error('cannot remove profile', { profile: name, error });
      return fail('SYSTEM_ERROR', `cannot remove profile "${name}": ${errorText(error)}`);
    }
    this.profiles.delete(name);
    return ok(true);
  }

  private async load(): Promise<void> {
    for (const fileName of (await readdir(this.directory)).sort()) {
      const path = join(this.directory, fileName);
      if (isTempFileName(fileName)) {
        // Left by a crash between write and rename; the real file is intact.
        await unlink(path).catch(() => undefined);
        continue;
      }
      if (!fileName.endsWith(PROFILE_FILE_SUFFIX)) continue;
      const profile = await this.loadFile(fileName, path);
      if (profile) this.profiles.set(profile.name, profile);
    }
  }

  private async loadFile(fileName: string, path: string): Promise<StoredProfile | null> {
    try {
      const info = await lstat(path);
      if (!info.isFile()) return this.skip(fileName, 'not a regular file');
      if ((info.mode & 0o077) !== 0) await chmod(path, PRIVATE_FILE_MODE);
      const decoded = decodeProfileFile(await readFile(path, 'utf8'));
      if (!decoded.ok) return this.skip(fileName, decoded.problem);
      if (profileFileName(decoded.profile.name) !== fileName) return this.skip(fileName, `file name does not match profile "${decoded.profile.name}"`);
      return decoded.profile;
    } catch (error) {
      return this.skip(fileName, errorText(error));
    }
  }

  private skip(fileName: string, problem: string): null {
    this.logger.warn('skipping unreadable profile file', { file: fileName, problem });
    return null;
  }
}

function notFound<T>(name: string): FerryResult<T> {
  return fail('PROFILE_NOT_FOUND', `profile "${name}" not found`);
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
