// Tests for endpoint and host name parsing.
import { describe, it, expect } from 'vitest';
import { formatEndpoint, parseEndpoint } from './endpoint.js';
import { isValidHostname } from './hostname.js';

describe('parseEndpoint / formatEndpoint', () => {
  const valid: { text: string; host: string; port: number; formatted: string }[] = [
    { text: '192.0.2.1:51820', host: '192.0.2.1', port: 51820, formatted: '192.0.2.1:51820' },
    { text: '[2001:DB8::1]:443', host: '2001:db8::1', port: 443, formatted: '[2001:db8::1]:443' },
    { text: '2001:db8::1:51820', host: '2001:db8::1', port: 51820, formatted: '[2001:db8::1]:51820' },
    { text: '[fe80::1%wlan0]:1', host: 'fe80::1%wlan0', port: 1, formatted: '[fe80::1%wlan0]:1' },
    { text: 'vpn.example.com:65535', host: 'vpn.example.com', port: 65535, formatted: 'vpn.example.com:65535' },
    { text: 'se-got-wg-001.relays.mullvad.net.:51820', host: 'se-got-wg-001.relays.mullvad.net.', port: 51820, formatted: 'se-got-wg-001.relays.mullvad.net.:51820' },
  ];
  it.each(valid)('$text', ({ text, host, port, formatted }) => {
    expect(parseEndpoint(text)).toEqual({ ok: true, endpoint: { host, port } });
    expect(formatEndpoint({ host, port })).toBe(formatted);
  });

  it.each(['', 'host', ':51820', 'host:', 'host:port', '[::1]', '[::1]:', '[zz::1]:1', '[fe80::1%]:1', 'a..b:1', '1.2.3:1', 'host:-1'])(
    'rejects %j', (text) => {
      expect(parseEndpoint(text).ok).toBe(false);
    },
  );
});

describe('isValidHostname', () => {
  it.each([
    ['localhost', true], ['a.b.c', true], ['xn--bcher-kva.example', true], ['_srv.example.com', true], ['example.com.', true],
    ['a'.repeat(63), true], ['a'.repeat(64), false], ['-a.com', false], ['a-.com', false], ['a..com', false], ['', false],
    ['.', false], ['10.0.0.1', false], ['exa mple.com', false], [`${'a.'.repeat(127)}a`, false],
  ] as const)('%s → %s', (text, valid) => {
    expect(isValidHostname(text)).toBe(valid);
  });
});
