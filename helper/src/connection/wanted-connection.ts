// <stateDir>/wanted-connection.json: the profile the user asked to be connected to, so a ferryd restarted after a crash restores it (issue 4).
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { syncDirectory, writeFileAtomic } from '../store/atomic-write.js';
import { PRIVATE_FILE_MODE } from '../store/state-dir.js';

export const WANTED_CONNECTION_FILE_NAME = 'wanted-connection.json';

/** Written when the user connects, removed when the user disconnects; a shutdown or crash leaves it. */
export interface WantedConnection {
  load(): Promise<string | null>;
  save(profile: string): Promise<void>;
  clear(): Promise<void>;
}

const fileSchema = z.object({ version: z.literal(1), profile: z.string().min(1).max(64), sinceIso: z.string() });

export class WantedConnectionFile implements WantedConnection {
  private readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, WANTED_CONNECTION_FILE_NAME);
  }

  /** The wanted profile; null when there is none or the file is unreadable (then nothing is restored). */
  async load(): Promise<string | null> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data.profile : null;
    } catch {
      return null;
    }
  }

  async save(profile: string): Promise<void> {
    const file: z.infer<typeof fileSchema> = { version: 1, profile, sinceIso: new Date().toISOString() };
    await writeFileAtomic(this.path, `${JSON.stringify(file)}\n`, PRIVATE_FILE_MODE);
  }

  async clear(): Promise<void> {
    try {
      await unlink(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await syncDirectory(join(this.path, '..'));
  }
}
