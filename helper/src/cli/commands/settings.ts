// `ferry settings get [KEY]` and `ferry settings set KEY VALUE`.
import { parseSettingText, SETTING_KEYS, isSettingKey } from '../../../../shared/src/protocol/settings.js';
import { UsageError, type CommandSpec } from '../command-spec.js';
import { formatSettingValue, formatSettings } from '../format/log-text.js';
import { emit } from './emit.js';

function checkKey(key: string | undefined): void {
  if (key !== undefined && !isSettingKey(key)) throw new UsageError(`unknown setting "${key}" (settings: ${SETTING_KEYS.join(', ')})`);
}

function parseValue(key: string, text: string) {
  checkKey(key);
  const parsed = parseSettingText(key, text);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.value;
}

export const settingsGetCommand: CommandSpec = {
  path: ['settings', 'get'],
  synopsis: '[KEY]',
  summary: 'print all settings, or the value of one',
  options: {},
  positionals: { names: ['KEY'], min: 0 },
  check: (_options, [key]) => checkKey(key),
  run: async (context) => {
    const key = context.positionals[0];
    const settings = await context.client.call('settings.get');
    if (key === undefined || !isSettingKey(key)) return emit(context, settings, () => formatSettings(settings));
    return emit(context, settings[key], () => `${formatSettingValue(settings[key])}\n`);
  },
};

export const settingsSetCommand: CommandSpec = {
  path: ['settings', 'set'],
  synopsis: 'KEY VALUE',
  summary: 'change a setting (true/false for switches, "null" clears text)',
  options: {},
  positionals: { names: ['KEY', 'VALUE'], min: 2 },
  check: (_options, [key = '', text = '']) => void parseValue(key, text),
  run: async (context) => {
    const [key = '', text = ''] = context.positionals;
    const value = parseValue(key, text);
    const settings = await context.client.call('settings.set', { key, value });
    return emit(context, settings, () => `${key} = ${formatSettingValue(value)}\n`);
  },
};
