// Round trips: parse(serialize(config)) equals config, and canonical text survives parse + serialize unchanged.
import { describe, it, expect } from 'vitest';
import type { WgQuickConfig } from './wg-config.js';
import { parseWgQuickConfig } from './wg-quick-parser.js';
import { serializeWgQuickConfig } from './wg-quick-serializer.js';
import { PEER_KEY_1, PEER_KEY_2, PEER_KEY_3, PRESHARED_KEY, PRIVATE_KEY, lines } from './test-fixtures.js';

function parsed(text: string): WgQuickConfig {
  const result = parseWgQuickConfig(text);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.config;
}

const inputs: { name: string; text: string }[] = [
  {
    name: 'full tunnel',
    text: lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.64.0.2/32, fc00::2/128', 'DNS = 10.64.0.1',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 0.0.0.0/0, ::/0', 'Endpoint = 198.51.100.7:51820'),
  },
  {
    name: 'IPv6 endpoint and PSK',
    text: lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = fd00::2/64', 'MTU = 1280',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, `PresharedKey = ${PRESHARED_KEY}`, 'AllowedIPs = ::/0', 'Endpoint = [2001:db8::1]:51820'),
  },
  {
    name: 'host names, search domains, keepalive off',
    text: lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.0.0.2/24', 'DNS = 10.0.0.1, corp.example, lan.',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 10.0.0.0/24', 'Endpoint = vpn.example.com:443', 'PersistentKeepalive = off'),
  },
  {
    name: 'multiple peers, one without AllowedIPs or endpoint',
    text: lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'ListenPort = 51821', 'Address = 10.8.0.1/24',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 10.8.0.2/32', '[Peer]', `PublicKey = ${PEER_KEY_2}`,
      '[Peer]', `PublicKey = ${PEER_KEY_3}`, 'AllowedIPs = 10.8.0.4/32, 192.168.4.0/24', 'PersistentKeepalive = 25'),
  },
  {
    name: 'every [Interface] key, hooks kept, comments dropped',
    text: lines('# top', '[Interface]', `PrivateKey = ${PRIVATE_KEY} # secret`, 'ListenPort = 0', 'FwMark = 0xca6c',
      'Address = 10.0.0.2/32', 'MTU = 1420', 'Table = vpn', 'PreUp = echo pre-up', 'PostUp = ip rule add table 7; echo "a=b"',
      'PostUp = echo second', 'PreDown = echo pre-down', 'PostDown = echo post-down', 'SaveConfig = true',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 10.0.0.0/8'),
  },
  {
    name: 'mixed case and CRLF',
    text: lines('[interface]', `PRIVATEKEY=${PRIVATE_KEY}`, 'address=10.0.0.2/32', 'fwmark=off', 'table=OFF', '[PEER]',
      `publickey=${PEER_KEY_1}`, 'allowedips=10.0.0.0/8', 'endpoint=[::ffff:192.0.2.1]:51820').replace(/\n/g, '\r\n'),
  },
  {
    name: 'table number, no private key needed elsewhere',
    text: lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.0.0.2/32', 'Table = 51820', '[Peer]', `PublicKey = ${PEER_KEY_1}`),
  },
];

describe('serializeWgQuickConfig', () => {
  it.each(inputs)('round-trips: $name', ({ text }) => {
    const config = parsed(text);
    const serialized = serializeWgQuickConfig(config);
    expect(parsed(serialized)).toEqual(config);
    // Canonical text is a fixed point.
    expect(serializeWgQuickConfig(parsed(serialized))).toBe(serialized);
  });

  it('writes the canonical layout', () => {
    const config = parsed(inputs[4]?.text ?? '');
    expect(serializeWgQuickConfig(config)).toBe(lines(
      '[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'ListenPort = 0', 'FwMark = 0xca6c', 'Address = 10.0.0.2/32', 'MTU = 1420',
      'Table = vpn', 'PreUp = echo pre-up', 'PostUp = ip rule add table 7; echo "a=b"', 'PostUp = echo second',
      'PreDown = echo pre-down', 'PostDown = echo post-down', 'SaveConfig = true', '',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 10.0.0.0/8', '',
    ));
  });

  it('brackets IPv6 endpoints and joins DNS servers before search domains', () => {
    const text = serializeWgQuickConfig({
      interface: { addresses: ['fd00::2/128'], dns: ['fd00::1'], dnsSearch: ['example.com'], preUp: [], postUp: [], preDown: [], postDown: [] },
      peers: [{ publicKey: PEER_KEY_1, allowedIps: [], endpoint: { host: 'fd00::1', port: 51820 }, persistentKeepalive: 0, presharedKey: PRESHARED_KEY }],
    });
    expect(text).toBe(lines(
      '[Interface]', 'Address = fd00::2/128', 'DNS = fd00::1, example.com', '',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, `PresharedKey = ${PRESHARED_KEY}`, 'Endpoint = [fd00::1]:51820', 'PersistentKeepalive = 0', '',
    ));
  });

  it.each(['echo a\n[Peer]', 'echo a # b', 'echo\r'])('refuses a hook it could not read back: %j', (hook) => {
    const config = parsed(inputs[0]?.text ?? '');
    config.interface.postUp.push(hook);
    expect(() => serializeWgQuickConfig(config)).toThrow(RangeError);
  });
});
