// User settings that ferryd stores and applies, with their defaults and text parsing for `ferry settings set`.
import { z } from 'zod';
import { logLevelSchema } from './log.js';

export const settingsShape = {
  /** 'auto': block traffic outside the tunnel only while a tunnel is wanted (connecting/connected/reconnecting). */
  killSwitch: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Block all traffic outside the tunnel even when disconnected. */
  lockdown: z.boolean().default(false),
  /** Let local network traffic bypass the kill switch. */
  allowLan: z.boolean().default(true),
  autoConnect: z.boolean().default(false),
  autoConnectProfile: z.string().min(1).max(64).nullable().default(null),
  notifications: z.boolean().default(true),
  /** IP pinged inside the tunnel to measure latency; null: the profile's first DNS server inside AllowedIPs, else the first host of the tunnel network; "off": no probing. */
  latencyProbeTarget: z.string().min(1).max(253).nullable().default(null),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  logLevel: logLevelSchema.default('info'),
};

export const settingsSchema = z.object(settingsShape);
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const SETTING_KEYS = Object.keys(settingsShape) as SettingKey[];
export const settingKeySchema = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]);

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingsShape, key);
}

export type SettingCheck = { ok: true; value: Settings[SettingKey] } | { ok: false; message: string };

/** Validates one value for one key (the daemon's check behind settings.set). */
export function checkSettingValue(key: string, value: unknown): SettingCheck {
  if (!isSettingKey(key)) return { ok: false, message: `unknown setting "${key}"` };
  // Defaults are for missing keys in the stored file; an explicit value must be present.
  const parsed = settingsShape[key].safeParse(value);
  if (value === undefined || !parsed.success) return { ok: false, message: `invalid value for ${key}: ${describeAllowed(key)}` };
  return { ok: true, value: parsed.data };
}

/** Human description of what a setting accepts, for error messages. */
export function describeAllowed(key: SettingKey): string {
  const sample = DEFAULT_SETTINGS[key];
  if (typeof sample === 'boolean') return 'expected true or false';
  const schema = settingsShape[key].unwrap();
  if (schema instanceof z.ZodEnum) return `expected one of ${schema.options.join(', ')}`;
  return 'expected text, or null to clear it';
}

/** Turns command-line text into a setting value: true/false for switches, "null" or "" to clear text. */
export function parseSettingText(key: string, text: string): SettingCheck {
  if (!isSettingKey(key)) return { ok: false, message: `unknown setting "${key}"` };
  const sample = DEFAULT_SETTINGS[key];
  const schema = settingsShape[key];
  let value: unknown = text;
  if (typeof sample === 'boolean') value = text === 'true' ? true : text === 'false' ? false : text;
  else if (schema.safeParse(null).success && (text === 'null' || text === '')) value = null;
  return checkSettingValue(key, value);
}
