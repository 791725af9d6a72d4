// split.json in the state directory: the mode and the rules, so they survive a ferryd restart (written atomically).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { splitModeSchema, splitRuleSchema, MAX_SPLIT_RULES, type SplitMode, type SplitRule } from '../../../shared/src/protocol/split.js';
import type { PlatformLogger } from '../platform/network.js';
import { writeFileAtomic } from '../store/atomic-write.js';

export const SPLIT_FILE_NAME = 'split.json';

const splitFileSchema = z.object({
  version: z.literal(1),
  mode: splitModeSchema,
  rules: z.array(splitRuleSchema).max(MAX_SPLIT_RULES),
});

export interface SplitSettings {
  mode: SplitMode;
  rules: SplitRule[];
}

export const DEFAULT_SPLIT_SETTINGS: SplitSettings = { mode: 'off', rules: [] };

export interface SplitStore {
  load(): Promise<SplitSettings>;
  save(settings: SplitSettings): Promise<void>;
}

/** A missing file means off with no rules; an unreadable one is logged and treated the same (never half-read). */
export function createSplitStore(stateDir: string, logger: PlatformLogger): SplitStore {
  const filePath = path.join(stateDir, SPLIT_FILE_NAME);
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('cannot read split.json; split tunnelling is off', { error: String(error) });
        return { ...DEFAULT_SPLIT_SETTINGS };
      }
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // reported below with the schema failure
      }
      const parsed = splitFileSchema.safeParse(json);
      if (parsed.success) return { mode: parsed.data.mode, rules: parsed.data.rules };
      logger.warn('split.json does not match its schema; split tunnelling is off', { problem: parsed.error.message });
      return { ...DEFAULT_SPLIT_SETTINGS };
    },
    async save(settings) {
      await writeFileAtomic(filePath, `${JSON.stringify({ version: 1, ...settings }, null, 2)}\n`);
    },
  };
}

/** For tests and for the daemon without a state dir. */
export function memorySplitStore(initial: SplitSettings = DEFAULT_SPLIT_SETTINGS): SplitStore & { saved: SplitSettings[] } {
  let current = structuredClone(initial);
  const saved: SplitSettings[] = [];
  return {
    saved,
    load: async () => structuredClone(current),
    save: async (settings) => {
      current = structuredClone(settings);
      saved.push(structuredClone(settings));
    },
  };
}
