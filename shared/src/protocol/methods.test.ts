// Tests for the method table and the status, stats, settings and event schemas.
import { describe, expect, it } from 'vitest';
import { encodeKey } from '../keys/base64-key.js';
import { eventDataSchemas } from './events.js';
import { METHOD_NAMES, isMethodName, methods } from './methods.js';
import { checkSettingValue, DEFAULT_SETTINGS, parseSettingText, settingsSchema } from './settings.js';
import { disconnectedStatus, statusSchema } from './state.js';
import { emptyStatsSample, statsSampleSchema } from './stats.js';

const NOW = '2026-01-01T00:00:00.000Z';
const key = (fill: number) => encodeKey(new Uint8Array(32).fill(fill));

describe('method table', () => {
  it('marks exactly the changing methods as write', () => {
    const writes = METHOD_NAMES.filter((name) => methods[name].access === 'write').sort();
    expect(writes).toEqual([
      'connect',
      'disconnect',
      'profile.create',
      'profile.import',
      'profile.remove',
      'profile.rename',
      'profile.update',
      'settings.set',
      'split.addRule',
      'split.launch',
      'split.pidAdd',
      'split.pidRemove',
      'split.removeRule',
      'split.setMode',
    ]);
  });

  it('knows its names and nothing inherited', () => {
    expect(isMethodName('status')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it.each<[string, unknown, boolean]>([
    ['hello', { protocolVersion: 1, client: 'ferry' }, true],
    ['hello', { protocolVersion: '1', client: 'ferry' }, false],
    ['status', {}, true],
    ['status', { extra: 1 }, false],
    ['profile.show', { name: 'home' }, true],
    ['profile.show', { name: '../etc' }, false],
    ['profile.show', { name: '' }, false],
    ['profile.import', { text: '[Interface]\n' }, true],
    ['profile.import', { text: 'x'.repeat(300 * 1024) }, false],
    ['profile.export', { name: 'home' }, true],
    ['connect', { name: 'home', wait: true, timeoutMs: 5000 }, true],
    ['connect', { name: 'home', timeoutMs: 0 }, false],
    ['connect', { name: 'home', timeoutMs: 10 * 60_000 }, false],
    ['settings.set', { key: 'lockdown', value: true }, true],
    ['stats.history', { seconds: 0 }, false],
    ['logs.get', {}, true],
    ['logs.get', { level: 'loud' }, false],
    ['subscribe', { events: ['state', 'stats'] }, true],
    ['subscribe', { events: ['split-brain'] }, false],
  ])('%s params %j valid: %s', (method, params, valid) => {
    expect(isMethodName(method) && methods[method].params.safeParse(params).success).toBe(valid);
  });

  it('fills in defaults', () => {
    expect(methods.connect.params.parse({ name: 'home' })).toEqual({ name: 'home', wait: false, timeoutMs: 30_000, restart: false });
    expect(methods['profile.export'].params.parse({ name: 'home' })).toEqual({ name: 'home', includePrivateKey: false });
    expect(methods['logs.get'].params.parse({})).toEqual({ limit: 200 });
  });

  it('accepts a public profile result and refuses one carrying a bad key', () => {
    const profile = {
      name: 'home',
      interface: { publicKey: key(1), addresses: ['10.0.0.2/32'], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
      peers: [{ publicKey: key(2), hasPresharedKey: false, allowedIps: ['0.0.0.0/0'] }],
    };
    expect(methods['profile.show'].result.safeParse({ profile }).success).toBe(true);
    const broken = { ...profile, interface: { ...profile.interface, publicKey: 'secret' } };
    expect(methods['profile.show'].result.safeParse({ profile: broken }).success).toBe(false);
  });
});

describe('status, stats and events', () => {
  it('the disconnected status and the empty sample are valid', () => {
    expect(statusSchema.parse(disconnectedStatus(NOW))).toMatchObject({ state: 'disconnected', profile: null, latencyMs: null, blockedBy: null });
    expect(statsSampleSchema.safeParse(emptyStatsSample(NOW)).success).toBe(true);
    expect(eventDataSchemas.state.safeParse(disconnectedStatus(NOW)).success).toBe(true);
  });

  it.each([
    ['an unknown state', { state: 'sleeping' }],
    ['negative bytes', { rxBytes: -1 }],
    ['a time without zone', { since: '2026-01-01T00:00:00' }],
    ['an error with an unknown code', { state: 'error', error: { code: 'OOPS', message: 'x' } }],
  ])('rejects a status with %s', (_label, change) => {
    expect(statusSchema.safeParse({ ...disconnectedStatus(NOW), ...change }).success).toBe(false);
  });

  it('rejects loss over 100 percent', () => {
    expect(statsSampleSchema.safeParse({ ...emptyStatsSample(NOW), lossPercent: 101 }).success).toBe(false);
  });
});

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      killSwitch: 'auto',
      lockdown: false,
      allowLan: true,
      autoConnect: false,
      autoConnectProfile: null,
      notifications: true,
      latencyProbeTarget: null,
      theme: 'system',
      logLevel: 'info',
    });
    expect(settingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
  });

  it.each<[string, string, unknown]>([
    ['lockdown', 'true', true],
    ['allowLan', 'false', false],
    ['killSwitch', 'on', 'on'],
    ['theme', 'dark', 'dark'],
    ['logLevel', 'debug', 'debug'],
    ['latencyProbeTarget', '10.0.0.1', '10.0.0.1'],
    ['latencyProbeTarget', 'null', null],
    ['autoConnectProfile', '', null],
  ])('parses %s %j', (settingKey, text, value) => {
    expect(parseSettingText(settingKey, text)).toEqual({ ok: true, value });
  });

  it.each<[string, string, string]>([
    ['lockdown', 'yes', 'invalid value for lockdown: expected true or false'],
    ['killSwitch', 'maybe', 'invalid value for killSwitch: expected one of auto, on, off'],
    ['theme', 'null', 'invalid value for theme: expected one of system, light, dark'],
    ['colour', 'red', 'unknown setting "colour"'],
  ])('refuses %s %j', (settingKey, text, message) => {
    expect(parseSettingText(settingKey, text)).toEqual({ ok: false, message });
  });

  it('checks raw values the way settings.set does', () => {
    expect(checkSettingValue('lockdown', 'true').ok).toBe(false);
    expect(checkSettingValue('lockdown', undefined).ok).toBe(false);
    expect(checkSettingValue('toString', 1).ok).toBe(false);
  });
});
