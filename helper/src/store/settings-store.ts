// settings.json in the state directory: `{version, settings}`, read leniently key by key, written atomically.
import { readFile } from 'node:fs/promises';
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import { fail, ok } from '../../../shared/src/protocol/errors.js';
import type { Settings, SettingKey } from '../../../shared/src/protocol/settings.js';
import { checkSettingValue, DEFAULT_SETTINGS, isSettingKey } from '../../../shared/src/protocol/settings.js';
import type { Logger } from '../log/logger.js';
import { writeFileAtomic } from './atomic-write.js';
import { Listeners } from './listeners.js';
import { PRIVATE_FILE_MODE } from './state-dir.js';

export const SETTINGS_FILE_VERSION = 1;

export interface SettingsChange {
  settings: Settings;
  previous: Settings;
  key: SettingKey;
}

/** Keeps every valid stored key; an unknown key or a bad value is logged and falls back to its default. */
export function decodeSettings(text: string, logger: Logger): Settings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    logger.warn('settings file is not valid JSON; using defaults');
    return { ...DEFAULT_SETTINGS };
  }
  const stored = (json as { settings?: unknown } | null)?.settings;
  if (typeof stored !== 'object' || stored === null || (json as { version?: unknown }).version !== SETTINGS_FILE_VERSION) {
    logger.warn('settings file has an unknown layout; using defaults');
    return { ...DEFAULT_SETTINGS };
  }
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const checked = checkSettingValue(key, value);
    if (checked.ok) settings[key] = checked.value;
    else logger.warn('ignoring stored setting', { key, problem: checked.message });
  }
  return settings as Settings;
}

export class SettingsStore {
  private readonly changes = new Listeners<SettingsChange>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly logger: Logger,
    private current: Settings,
  ) {}

  /** Loads `path` (its directory must exist); a missing file means defaults, a corrupt one is logged. */
  static async open(path: string, logger: Logger): Promise<SettingsStore> {
    let settings = { ...DEFAULT_SETTINGS };
    try {
      settings = decodeSettings(await readFile(path, 'utf8'), logger);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn('cannot read settings; using defaults', { error });
    }
    return new SettingsStore(path, logger, settings);
  }

  get(): Settings {
    return { ...this.current };
  }

  onChange(listener: (change: SettingsChange) => void): () => void {
    return this.changes.add(listener);
  }

  /** Validates and stores one setting; SETTING_INVALID for an unknown key or a value that does not fit. */
  set(key: string, value: unknown): Promise<FerryResult<Settings>> {
    const run = this.queue.then(() => this.apply(key, value));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(key: string, value: unknown): Promise<FerryResult<Settings>> {
    const checked = checkSettingValue(key, value);
    if (!checked.ok || !isSettingKey(key)) return fail('SETTING_INVALID', checked.ok ? undefined : checked.message, { key });
    const previous = this.current;
    const next = { ...previous, [key]: checked.value } as Settings;
    try {
      const text = `${JSON.stringify({ version: SETTINGS_FILE_VERSION, settings: next }, null, 2)}\n`;
      await writeFileAtomic(this.path, text, PRIVATE_FILE_MODE);
    } catch (error) {
      this.logger.error('cannot write settings', { error });
      return fail('SYSTEM_ERROR', `cannot save settings: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.current = next;
    this.changes.emit({ settings: this.get(), previous, key }, (error) => this.logger.error('settings listener failed', { error }));
    return ok(this.get());
  }
}
