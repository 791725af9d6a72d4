// Malformed wg-quick files: each case asserts the exact messages and line numbers the parser reports.
import { describe, it, expect } from 'vitest';
import type { ConfigError } from './wg-config.js';
import { parseWgQuickConfig } from './wg-quick-parser.js';
import { NON_CANONICAL_KEY, PEER_KEY_1, PEER_KEY_2, PRESHARED_KEY, PRIVATE_KEY, lines } from './test-fixtures.js';

const KEY_HINT = "is not a valid WireGuard key (expected 44 base64 characters ending in '=')";

/** A valid file whose line `at` (1-based, 2–6) is replaced: lines 1–3 [Interface], 5–8 [Peer]. */
function withLine(at: number, replacement: string): string {
  const base = [
    '[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.0.0.2/32', '',
    '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 0.0.0.0/0', 'Endpoint = 192.0.2.1:51820',
  ];
  base[at - 1] = replacement;
  return lines(...base);
}

/** A valid file with extra lines appended to the [Interface] (lines 4+) or, with `peer`, to the [Peer]. */
function iface(...extra: string[]): string {
  return lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.0.0.2/32', ...extra, '[Peer]', `PublicKey = ${PEER_KEY_1}`);
}
function peer(...extra: string[]): string {
  return lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.0.0.2/32', '[Peer]', `PublicKey = ${PEER_KEY_1}`, ...extra);
}

const e = (line: number, message: string): ConfigError => ({ line, message: line > 0 ? `Line ${line}: ${message}` : message });

const cases: { name: string; text: string; errors: ConfigError[] }[] = [
  { name: 'empty file', text: '', errors: [e(0, 'No [Interface] section')] },
  { name: 'only comments', text: '# nothing\n\n  # here', errors: [e(0, 'No [Interface] section')] },
  { name: 'no [Interface]', text: lines('[Peer]', `PublicKey = ${PEER_KEY_1}`), errors: [e(0, 'No [Interface] section')] },
  { name: 'missing PrivateKey', text: withLine(2, ''), errors: [e(1, '[Interface] has no PrivateKey')] },
  { name: 'short PrivateKey', text: withLine(2, `PrivateKey = ${PRIVATE_KEY.slice(1)}`), errors: [e(2, `PrivateKey ${KEY_HINT}`)] },
  { name: 'empty PrivateKey', text: withLine(2, 'PrivateKey ='), errors: [e(2, `PrivateKey ${KEY_HINT}`)] },
  { name: 'non-canonical PublicKey', text: withLine(6, `PublicKey = ${NON_CANONICAL_KEY}`), errors: [e(6, `PublicKey ${KEY_HINT}`)] },
  { name: 'hex PresharedKey', text: peer(`PresharedKey = ${'ab'.repeat(32)}`), errors: [e(6, `PresharedKey ${KEY_HINT}`)] },
  { name: '[Peer] without PublicKey', text: withLine(6, ''), errors: [e(5, '[Peer] has no PublicKey')] },
  {
    name: 'duplicate peers',
    text: lines(withLine(8, ''), '[Peer]', `PublicKey = ${PEER_KEY_1}`),
    errors: [e(10, 'This PublicKey is already used by the peer at line 5')],
  },
  { name: 'unknown key in [Peer]', text: peer('Foo = bar'), errors: [e(6, "Unknown key 'Foo' in [Peer]")] },
  { name: 'unknown key in [Interface]', text: iface('Bogus=1'), errors: [e(4, "Unknown key 'Bogus' in [Interface]")] },
  {
    name: 'Interface key in [Peer]',
    text: peer('address = 10.0.0.3/32'),
    errors: [e(6, "Unknown key 'address' in [Peer] (Address belongs in [Interface])")],
  },
  {
    name: 'Peer key in [Interface]',
    text: iface('Endpoint = 192.0.2.1:51820'),
    errors: [e(4, "Unknown key 'Endpoint' in [Interface] (Endpoint belongs in [Peer])")],
  },
  {
    name: 'hook in [Peer]',
    text: peer('PostUp = echo hi'),
    errors: [e(6, "Unknown key 'PostUp' in [Peer] (PostUp belongs in [Interface])")],
  },
  {
    name: 'key before any section',
    text: lines(`PrivateKey = ${PRIVATE_KEY}`, withLine(2, '')),
    errors: [e(1, "Key 'PrivateKey' appears before any [Interface] or [Peer] section"), e(2, '[Interface] has no PrivateKey')],
  },
  {
    name: 'unknown section (its keys skipped)',
    text: lines(withLine(8, ''), '[Peers]', 'Foo = 1', 'Bar = 2'),
    errors: [e(9, "Unknown section '[Peers]' (expected [Interface] or [Peer])")],
  },
  { name: 'unclosed header', text: withLine(5, '[Peer'), errors: [e(5, "Unknown section '[Peer' (expected [Interface] or [Peer])")] },
  { name: 'second [Interface]', text: lines(withLine(8, ''), '[Interface]', 'MTU = 1280'), errors: [e(9, 'Only one [Interface] section is allowed')] },
  { name: 'line without =', text: iface('ListenPort 51820'), errors: [e(4, "Expected 'Key = Value'")] },
  { name: 'line with no key', text: iface('= 51820'), errors: [e(4, "Expected 'Key = Value'")] },
  { name: 'ListenPort too big', text: iface('ListenPort = 65536'), errors: [e(4, 'ListenPort is not a port number (0-65535)')] },
  { name: 'ListenPort service name', text: iface('ListenPort = wireguard'), errors: [e(4, 'ListenPort is not a port number (0-65535)')] },
  { name: 'FwMark bad hex', text: iface('FwMark = 0xZZ'), errors: [e(4, "FwMark is not 'off' or a 32-bit number (decimal or 0x hex)")] },
  { name: 'FwMark over 32 bits', text: iface('FwMark = 4294967296'), errors: [e(4, "FwMark is not 'off' or a 32-bit number (decimal or 0x hex)")] },
  {
    name: 'Address with a bad octet',
    text: withLine(3, 'Address = 10.0.0.300/32'),
    errors: [e(3, "Address has an invalid entry: '10.0.0.300' is not an IPv4 or IPv6 address")],
  },
  {
    name: 'Address prefix too long',
    text: withLine(3, 'Address = 10.0.0.2/24, fd00::2/129'),
    errors: [e(3, "Address has an invalid entry: '/129' is not a prefix length between 0 and 128")],
  },
  { name: 'DNS short IPv4', text: iface('DNS = 1.1.1'), errors: [e(4, "DNS has an invalid entry: '1.1.1' is not an IP address")] },
  {
    name: 'DNS bad search domain',
    text: iface('DNS = 10.0.0.1, bad_domain!'),
    errors: [e(4, "DNS has an invalid entry: 'bad_domain!' is neither an IP address nor a domain name")],
  },
  { name: 'MTU too small', text: iface('MTU = 500'), errors: [e(4, 'MTU must be between 576 and 65535')] },
  { name: 'MTU not a number', text: iface('MTU = 1280x'), errors: [e(4, 'MTU must be between 576 and 65535')] },
  {
    name: 'MTU below the IPv6 minimum',
    text: iface('MTU = 1200', 'Address = fd00::2/128'),
    errors: [e(4, 'MTU must be at least 1280 because the interface has an IPv6 address')],
  },
  { name: 'Table malformed', text: iface('Table = 12abc'), errors: [e(4, "Table is not 'auto', 'off', a table number or a table name")] },
  { name: 'SaveConfig yes', text: iface('SaveConfig = yes'), errors: [e(4, "SaveConfig must be 'true' or 'false'")] },
  {
    name: 'AllowedIPs second entry bad',
    text: withLine(7, 'AllowedIPs = 10.0.0.0/8, 300.0.0.0/8'),
    errors: [e(7, "AllowedIPs has an invalid entry: '300.0.0.0' is not an IPv4 or IPv6 address")],
  },
  {
    name: 'AllowedIPs IPv6 prefix too long',
    text: withLine(7, 'AllowedIPs = fd00::/129'),
    errors: [e(7, "AllowedIPs has an invalid entry: '/129' is not a prefix length between 0 and 128")],
  },
  {
    name: 'AllowedIPs separated by spaces',
    text: withLine(7, 'AllowedIPs = 10.0.0.0/8 10.1.0.0/16'),
    errors: [e(7, "AllowedIPs has an invalid entry: '/8 10.1.0.0/16' is not a prefix length between 0 and 32")],
  },
  {
    name: 'Endpoint without port',
    text: withLine(8, 'Endpoint = vpn.example.com'),
    errors: [e(8, "Endpoint is not 'host:port' (write IPv6 addresses as '[2001:db8::1]:51820')")],
  },
  { name: 'Endpoint port 0', text: withLine(8, 'Endpoint = vpn.example.com:0'), errors: [e(8, "Endpoint has an invalid port '0' (expected 1-65535)")] },
  { name: 'Endpoint port 65536', text: withLine(8, 'Endpoint = 192.0.2.1:65536'), errors: [e(8, "Endpoint has an invalid port '65536' (expected 1-65535)")] },
  {
    name: 'Endpoint unbracketed IPv6 without port',
    text: withLine(8, 'Endpoint = 2001:db8::1'),
    errors: [e(8, "Endpoint has an invalid host '2001:db8:' (write IPv6 addresses as '[2001:db8::1]:51820')")],
  },
  {
    name: 'Endpoint bracket without colon',
    text: withLine(8, 'Endpoint = [2001:db8::1]51820'),
    errors: [e(8, "Endpoint is not 'host:port' (write IPv6 addresses as '[2001:db8::1]:51820')")],
  },
  { name: 'Endpoint bad bracketed host', text: withLine(8, 'Endpoint = [10.0.0.1:51820'), errors: [e(8, "Endpoint is not 'host:port' (write IPv6 addresses as '[2001:db8::1]:51820')")] },
  { name: 'Endpoint bad host name', text: withLine(8, 'Endpoint = -vpn-.example.com:51820'), errors: [e(8, "Endpoint has an invalid host '-vpn-.example.com'")] },
  { name: 'Endpoint mistyped IPv4', text: withLine(8, 'Endpoint = 192.0.2:51820'), errors: [e(8, "Endpoint has an invalid host '192.0.2'")] },
  {
    name: 'PersistentKeepalive word',
    text: peer('PersistentKeepalive = always'),
    errors: [e(6, "PersistentKeepalive is not 'off' or a number of seconds (0-65535)")],
  },
  {
    name: 'PersistentKeepalive too big',
    text: peer('PersistentKeepalive = 65536'),
    errors: [e(6, "PersistentKeepalive is not 'off' or a number of seconds (0-65535)")],
  },
  {
    name: 'several errors, all reported in line order',
    text: lines('[Interface]', 'PrivateKey = nope', 'MTU = 70000', '[Peer]', 'AllowedIPs = 10.0.0.0/33', '[Peer]', `PublicKey = ${PEER_KEY_2}`, 'Endpoint = x'),
    errors: [
      e(2, `PrivateKey ${KEY_HINT}`), e(3, 'MTU must be between 576 and 65535'), e(4, '[Peer] has no PublicKey'),
      e(5, "AllowedIPs has an invalid entry: '/33' is not a prefix length between 0 and 32"),
      e(8, "Endpoint is not 'host:port' (write IPv6 addresses as '[2001:db8::1]:51820')"),
    ],
  },
  {
    name: 'CRLF line numbers',
    text: withLine(8, 'Endpoint = 192.0.2.1').replace(/\n/g, '\r\n'),
    errors: [e(8, "Endpoint is not 'host:port' (write IPv6 addresses as '[2001:db8::1]:51820')")],
  },
];

describe('parseWgQuickConfig errors', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$name', ({ text, errors }) => {
    expect(parseWgQuickConfig(text)).toEqual({ ok: false, errors });
  });

  it('never echoes a key value in a message', () => {
    const secret = `${PRESHARED_KEY.slice(0, 40)}`;
    const result = parseWgQuickConfig(iface(`PrivateKey ${secret}`, `PrivateKey = ${secret}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((error) => error.message.includes(secret))).toBe(false);
  });

  it('accepts a missing PrivateKey when the caller will generate one', () => {
    const result = parseWgQuickConfig(withLine(2, ''), { requirePrivateKey: false });
    expect(result.ok && result.config.interface.privateKey).toBe(undefined);
    expect(result.ok).toBe(true);
  });
});
