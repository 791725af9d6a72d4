// Tests for turning `profile create` options into a profile body.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../command-spec.js';
import { DEFAULT_ALLOWED_IPS, profileBodyFromOptions } from './profile-input.js';
import { nameFromFile } from './profile-write.js';
import { parseTimeoutSeconds } from './connection.js';

const KEY = 'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=';

describe('profileBodyFromOptions', () => {
  it('builds an interface-only body', () => {
    expect(profileBodyFromOptions({ address: ['10.0.0.2/32,fd00::2/128'], dns: ['10.0.0.1'] })).toEqual({
      interface: { addresses: ['10.0.0.2/32', 'fd00::2/128'], dns: ['10.0.0.1'], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
      peers: [],
    });
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    ['a full peer', { 'peer-public-key': KEY, endpoint: 'vpn.example.com:51820', 'allowed-ips': ['10.0.0.0/8, 192.168.0.0/16'] }, [{ publicKey: KEY, endpoint: { host: 'vpn.example.com', port: 51820 }, allowedIps: ['10.0.0.0/8', '192.168.0.0/16'] }]],
    ['a peer with the default allowed IPs', { 'peer-public-key': KEY, endpoint: '[2001:db8::1]:51820' }, [{ publicKey: KEY, endpoint: { host: '2001:db8::1', port: 51820 }, allowedIps: DEFAULT_ALLOWED_IPS }]],
    ['a peer without an endpoint', { 'peer-public-key': KEY }, [{ publicKey: KEY, allowedIps: DEFAULT_ALLOWED_IPS }]],
  ])('builds %s', (_label, options, peers) => {
    expect(profileBodyFromOptions(options as never).peers).toEqual(peers);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an endpoint without a key', { endpoint: '192.0.2.1:51820' }, '--endpoint and --allowed-ips need --peer-public-key'],
    ['allowed IPs without a key', { 'allowed-ips': ['0.0.0.0/0'] }, 'need --peer-public-key'],
    ['a bad key', { 'peer-public-key': 'abc' }, 'not a WireGuard key'],
    ['a bad endpoint', { 'peer-public-key': KEY, endpoint: 'bad host:51820' }, '--endpoint has an invalid host'],
    ['a bad port', { 'peer-public-key': KEY, endpoint: 'host:99999' }, 'invalid port'],
  ])('refuses %s', (_label, options, message) => {
    expect(() => profileBodyFromOptions(options as never)).toThrow(UsageError);
    expect(() => profileBodyFromOptions(options as never)).toThrow(message);
  });
});

describe('argument helpers', () => {
  it.each([
    ['/etc/wireguard/home.conf', 'home'],
    ['work.CONF', 'work'],
    ['my vpn.conf', 'my vpn'],
  ])('names %s %s', (path, name) => {
    expect(nameFromFile(path)).toBe(name);
  });

  it.each(['-', '/tmp/.conf', '/tmp/-x.conf'])('cannot name %s', (path) => {
    expect(() => nameFromFile(path)).toThrow(/use --name NAME/);
  });

  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['5', 5000],
    ['0.5', 500],
    ['300', 300_000],
  ])('reads --timeout %s', (text, timeoutMs) => {
    expect(parseTimeoutSeconds(text)).toBe(timeoutMs);
  });

  it.each(['0', '-1', 'abc', '301', '1e3'])('refuses --timeout %s', (text) => {
    expect(() => parseTimeoutSeconds(text)).toThrow(UsageError);
  });
});
