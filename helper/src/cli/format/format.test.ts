// Table-driven tests of the CLI's text output: status, profiles, stats, logs and settings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/src/protocol/settings.js';
import { disconnectedStatus, type Status } from '../../../../shared/src/protocol/state.js';
import { emptyStatsSample } from '../../../../shared/src/protocol/stats.js';
import type { PublicProfile } from '../../../../shared/src/profile/profile-schema.js';
import { formatLogLine, formatSettings } from './log-text.js';
import { formatProfile, formatProfileList, formatTable } from './profile-text.js';
import { formatStatus, formatTransition } from './status-text.js';
import { formatStatsLine, formatStatsSample } from './stats-text.js';

const SINCE = '2026-01-01T00:00:00.000Z';
const NOW_MS = Date.parse(SINCE) + 125_000;
const KEY_A = 'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=';
const KEY_B = 'YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI=';

const connected: Status = {
  ...disconnectedStatus(SINCE),
  state: 'connected',
  profile: 'home',
  interfaceName: 'ferry0',
  addresses: ['10.0.0.2/32', 'fd00::2/128'],
  endpoint: '192.0.2.1:51820',
  lastHandshakeAt: SINCE,
  handshakeAgeSeconds: 12,
  rxBytes: 1.2 * 1024 * 1024,
  txBytes: 300 * 1024,
  rxRateBps: 12 * 1024,
  txRateBps: 3 * 1024,
  latencyMs: 23.4,
};

describe('formatStatus', () => {
  it('prints a connected tunnel like wg show', () => {
    expect(formatStatus(connected, NOW_MS)).toBe(
      [
        'state: connected (for 2 minutes, 5 seconds)',
        'profile: home',
        'interface: ferry0',
        'addresses: 10.0.0.2/32, fd00::2/128',
        'endpoint: 192.0.2.1:51820',
        'latest handshake: 12 seconds ago',
        'transfer: 1.2 MiB received, 300 KiB sent',
        'rate: 12 KiB/s received, 3 KiB/s sent',
        'latency: 23 ms',
        '',
      ].join('\n'),
    );
  });

  it.each<[string, Status, string]>([
    ['disconnected', disconnectedStatus(SINCE), 'state: disconnected\n'],
    [
      'connecting without a handshake',
      { ...disconnectedStatus(SINCE), state: 'connecting', profile: 'home' },
      'state: connecting (for 2 minutes, 5 seconds)\nprofile: home\nlatest handshake: none yet\ntransfer: 0 B received, 0 B sent\nrate: 0 B/s received, 0 B/s sent\nlatency: not measured yet\n',
    ],
    [
      'an error while locked down',
      { ...disconnectedStatus(SINCE), blockedBy: 'lockdown', error: { code: 'HANDSHAKE_TIMEOUT', message: 'no answer' } },
      'state: disconnected\nblocked by: lockdown mode (traffic outside the tunnel is blocked)\nerror: no answer (HANDSHAKE_TIMEOUT)\n',
    ],
    [
      'a kill switch block with its start',
      { ...disconnectedStatus(SINCE), state: 'reconnecting', blockedBy: 'killSwitch', blockedSince: SINCE },
      'state: reconnecting (for 2 minutes, 5 seconds)\nlatest handshake: none yet\ntransfer: 0 B received, 0 B sent\n' +
        'rate: 0 B/s received, 0 B/s sent\nlatency: not measured yet\nblocked by: kill switch (traffic outside the tunnel is blocked)\n' +
        `blocked since: ${SINCE.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} (2 minutes, 5 seconds ago)\n`,
    ],
  ])('prints %s', (_label, status, text) => {
    expect(formatStatus(status, NOW_MS)).toBe(text);
  });

  it.each<[Status, string]>([
    [connected, 'connected to "home" (ferry0, 10.0.0.2/32, fd00::2/128)\n'],
    [{ ...connected, state: 'connecting' }, 'connecting to "home"\n'],
    [disconnectedStatus(SINCE), 'disconnected\n'],
  ])('summarises a transition to %s', (status, text) => {
    expect(formatTransition(status)).toBe(text);
  });
});

const profile: PublicProfile = {
  name: 'home',
  interface: { publicKey: KEY_A, addresses: ['10.0.0.2/32'], dns: ['10.0.0.1'], dnsSearch: ['lan'], mtu: 1380, preUp: [], postUp: [], preDown: [], postDown: [] },
  peers: [{ publicKey: KEY_B, hasPresharedKey: true, allowedIps: ['0.0.0.0/0', '::/0'], endpoint: { host: '2001:db8::1', port: 51820 }, persistentKeepalive: 25 }],
};

describe('profiles', () => {
  it('aligns table columns', () => {
    expect(formatTable(['A', 'BB'], [['long', 'x'], ['s', 'y']])).toBe('A     BB\nlong  x\ns     y\n');
  });

  it('lists profiles, or says there are none', () => {
    const bare: PublicProfile = { ...profile, name: 'empty', interface: { ...profile.interface, addresses: [] }, peers: [] };
    expect(formatProfileList([profile, bare])).toBe('NAME   ADDRESSES    ENDPOINT             PEERS\nhome   10.0.0.2/32  [2001:db8::1]:51820  1\nempty  -            -                    0\n');
    expect(formatProfileList([])).toMatch(/^no profiles/);
  });

  it('shows a profile without secrets', () => {
    expect(formatProfile(profile)).toBe(
      [
        'profile: home',
        `  public key: ${KEY_A}`,
        '  addresses: 10.0.0.2/32',
        '  dns: 10.0.0.1, lan',
        '  mtu: 1380',
        '',
        `peer: ${KEY_B}`,
        '  endpoint: [2001:db8::1]:51820',
        '  allowed ips: 0.0.0.0/0, ::/0',
        '  preshared key: (hidden)',
        '  persistent keepalive: every 25 seconds',
        '',
      ].join('\n'),
    );
  });
});

describe('stats, logs and settings', () => {
  const sample = { ...emptyStatsSample('2026-01-01T12:00:01.000Z'), rxBytes: 2048, txBytes: 1024, rxPackets: 3, txPackets: 2, rxRateBps: 512, latencyMs: 4.25, jitterMs: 0.5, lossPercent: 0 };

  it('prints a sample as a block and as a line', () => {
    expect(formatStatsSample(sample)).toBe(
      'received: 2 KiB in 3 packets (512 B/s)\nsent: 1 KiB in 2 packets (0 B/s)\nlatest handshake: none\nlatency: 4.3 ms (jitter 0.5 ms, loss 0%)\n',
    );
    expect(formatStatsLine(sample)).toBe('12:00:01  down 512 B/s  up 0 B/s  rx 2 KiB  tx 1 KiB  latency 4.3 ms (jitter 0.5 ms, loss 0%)\n');
    expect(formatStatsLine(emptyStatsSample(SINCE))).toContain('latency not measured');
  });

  it('prints log lines with fields', () => {
    expect(formatLogLine({ at: '2026-01-01T12:00:01.123Z', level: 'warn', message: 'slow', fields: { peer: 'x y', n: 2 } })).toBe(
      '2026-01-01 12:00:01.123 WARN  slow peer="x y" n=2\n',
    );
  });

  it('prints settings one per line, aligned', () => {
    const text = formatSettings(DEFAULT_SETTINGS);
    expect(text).toContain('killSwitch         = auto\n');
    expect(text).toContain('autoConnectProfile = null\n');
    expect(text.trimEnd().split('\n')).toHaveLength(Object.keys(DEFAULT_SETTINGS).length);
  });
});
