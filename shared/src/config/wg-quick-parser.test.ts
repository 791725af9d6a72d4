// Parsing well-formed wg-quick files: every key, the tolerated spellings, and real files from VPN providers.
import { describe, it, expect } from 'vitest';
import type { WgInterfaceSection, WgQuickConfig } from './wg-config.js';
import { parseWgQuickConfig } from './wg-quick-parser.js';
import { PEER_KEY_1, PEER_KEY_2, PRESHARED_KEY, PRIVATE_KEY, lines } from './test-fixtures.js';

const emptyInterface: WgInterfaceSection = {
  addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [],
};

function parsed(text: string): WgQuickConfig {
  const result = parseWgQuickConfig(text);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.config;
}

/** The [Interface] fields a one-line addition to a minimal file produces. */
function interfaceWith(extra: string): WgInterfaceSection {
  return parsed(lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, extra, '[Peer]', `PublicKey = ${PEER_KEY_1}`)).interface;
}
function peerWith(...extra: string[]): WgQuickConfig['peers'][number] {
  const config = parsed(lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, '[Peer]', `PublicKey = ${PEER_KEY_1}`, ...extra));
  const [peer] = config.peers;
  if (!peer) throw new Error('no peer');
  return peer;
}

describe('parseWgQuickConfig [Interface] values', () => {
  const cases: { line: string; expected: Partial<WgInterfaceSection> }[] = [
    { line: 'ListenPort = 51820', expected: { listenPort: 51820 } },
    { line: 'ListenPort = 0', expected: { listenPort: 0 } },
    { line: 'FwMark = off', expected: { fwMark: 0 } },
    { line: 'FwMark = 51820', expected: { fwMark: 51820 } },
    { line: 'FwMark = 0xCA6C', expected: { fwMark: 0xca6c } },
    { line: 'FwMark = 0xffffffff', expected: { fwMark: 0xffffffff } },
    { line: 'Address = 10.0.0.2', expected: { addresses: ['10.0.0.2/32'] } },
    { line: 'Address = 10.0.0.2/24 fd00:0::2/64', expected: { addresses: ['10.0.0.2/24', 'fd00::2/64'] } },
    { line: 'Address = 10.0.0.2/32 ,  FD00::2/128', expected: { addresses: ['10.0.0.2/32', 'fd00::2/128'] } },
    { line: 'DNS = 1.1.1.1, 2606:4700:4700::1111', expected: { dns: ['1.1.1.1', '2606:4700:4700::1111'] } },
    { line: 'DNS = 10.0.0.1 corp.example, lan', expected: { dns: ['10.0.0.1'], dnsSearch: ['corp.example', 'lan'] } },
    { line: 'MTU = 1420', expected: { mtu: 1420 } },
    { line: 'MTU = 576', expected: { mtu: 576 } },
    { line: 'Table = auto', expected: { table: { kind: 'auto' } } },
    { line: 'Table = Off', expected: { table: { kind: 'off' } } },
    { line: 'Table = 1234', expected: { table: { kind: 'id', id: 1234 } } },
    { line: 'Table = vpn_routes', expected: { table: { kind: 'name', name: 'vpn_routes' } } },
    { line: 'SaveConfig = TRUE', expected: { saveConfig: true } },
    { line: 'SaveConfig = false', expected: { saveConfig: false } },
    { line: 'PostUp = iptables -A FORWARD -i %i -j ACCEPT', expected: { postUp: ['iptables -A FORWARD -i %i -j ACCEPT'] } },
    { line: 'PreDown = echo a=b # note', expected: { preDown: ['echo a=b'] } },
  ];
  it.each(cases)('$line', ({ line, expected }) => {
    expect(interfaceWith(line)).toEqual({ ...emptyInterface, privateKey: PRIVATE_KEY, ...expected });
  });

  it('accumulates repeated Address, DNS and hook lines; last MTU wins', () => {
    const section = interfaceWith(lines(
      'Address = 10.0.0.2/32', 'Address = fd00::2/128', 'DNS = 10.0.0.1', 'DNS = example.com, 10.0.0.2',
      'PreUp = one', 'PreUp = two', 'MTU = 1400', 'MTU = 1380',
    ));
    expect(section).toMatchObject({
      addresses: ['10.0.0.2/32', 'fd00::2/128'], dns: ['10.0.0.1', '10.0.0.2'], dnsSearch: ['example.com'],
      preUp: ['one', 'two'], mtu: 1380,
    });
  });
});

describe('parseWgQuickConfig [Peer] values', () => {
  const cases: { lines: string[]; expected: Partial<WgQuickConfig['peers'][number]> }[] = [
    { lines: [], expected: { allowedIps: [] } },
    { lines: [`PresharedKey = ${PRESHARED_KEY}`], expected: { presharedKey: PRESHARED_KEY } },
    { lines: ['AllowedIPs = 10.0.0.1'], expected: { allowedIps: ['10.0.0.1/32'] } },
    { lines: ['AllowedIPs = fd00::1'], expected: { allowedIps: ['fd00::1/128'] } },
    { lines: ['AllowedIPs = 10.1.2.3/8 , ::0/0'], expected: { allowedIps: ['10.0.0.0/8', '::/0'] } },
    { lines: ['AllowedIPs = 10.0.0.0/8', 'AllowedIPs = 192.168.0.0/16'], expected: { allowedIps: ['10.0.0.0/8', '192.168.0.0/16'] } },
    { lines: ['AllowedIPs = 10.0.0.0/8', 'AllowedIPs =', 'AllowedIPs = 1.0.0.0/8'], expected: { allowedIps: ['1.0.0.0/8'] } },
    { lines: ['Endpoint = 192.0.2.1:51820'], expected: { endpoint: { host: '192.0.2.1', port: 51820 } } },
    { lines: ['Endpoint = [2001:DB8:0::1]:443'], expected: { endpoint: { host: '2001:db8::1', port: 443 } } },
    { lines: ['Endpoint = [fe80::1%eth0]:51820'], expected: { endpoint: { host: 'fe80::1%eth0', port: 51820 } } },
    { lines: ['Endpoint = 2001:db8::1:51820'], expected: { endpoint: { host: '2001:db8::1', port: 51820 } } },
    { lines: ['Endpoint = vpn.example.com:1'], expected: { endpoint: { host: 'vpn.example.com', port: 1 } } },
    { lines: ['Endpoint = localhost:65535'], expected: { endpoint: { host: 'localhost', port: 65535 } } },
    { lines: ['PersistentKeepalive = 25'], expected: { persistentKeepalive: 25 } },
    { lines: ['PersistentKeepalive = off'], expected: { persistentKeepalive: 0 } },
    { lines: ['PersistentKeepalive = 0'], expected: { persistentKeepalive: 0 } },
  ];
  it.each(cases)('$lines', ({ lines: extra, expected }) => {
    expect(peerWith(...extra)).toEqual({ publicKey: PEER_KEY_1, allowedIps: [], ...expected });
  });
});

describe('parseWgQuickConfig tolerance and notices', () => {
  it('accepts a BOM, CRLF, mixed case, odd spacing and comments', () => {
    const text = `\uFEFF${lines(
      '# exported by hand', ' [ INTERFACE ] ', `privatekey=${PRIVATE_KEY}   # mine`, '\tADDRESS\t=  10.0.0.2/32',
      '', '[peer]', `PUBLICKEY = ${PEER_KEY_1}`, 'allowedips=0.0.0.0/0,::/0', 'eNdPoInT = vpn.example.com:51820 #home',
    ).replace(/\n/g, '\r\n')}`;
    expect(parsed(text)).toEqual({
      interface: { ...emptyInterface, privateKey: PRIVATE_KEY, addresses: ['10.0.0.2/32'] },
      peers: [{ publicKey: PEER_KEY_1, allowedIps: ['0.0.0.0/0', '::/0'], endpoint: { host: 'vpn.example.com', port: 51820 } }],
    });
  });

  it('reports hooks, SaveConfig and masked host bits as notices with their lines', () => {
    const result = parseWgQuickConfig(lines(
      '[Interface]', `PrivateKey = ${PRIVATE_KEY}`, 'PreUp = a', 'postup = b', 'PreDown = c', 'PostDown = d', 'SaveConfig = true',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 10.1.2.3/8',
    ));
    expect(result.ok && result.ignored).toEqual([
      { line: 3, key: 'PreUp', message: 'PreUp hook is kept but Ferry never runs hook scripts' },
      { line: 4, key: 'PostUp', message: 'PostUp hook is kept but Ferry never runs hook scripts' },
      { line: 5, key: 'PreDown', message: 'PreDown hook is kept but Ferry never runs hook scripts' },
      { line: 6, key: 'PostDown', message: 'PostDown hook is kept but Ferry never runs hook scripts' },
      { line: 7, key: 'SaveConfig', message: 'SaveConfig is kept but Ferry never rewrites the configuration file' },
      { line: 10, key: 'AllowedIPs', message: "AllowedIPs entry '10.1.2.3/8' has host bits set; Ferry uses 10.0.0.0/8" },
    ]);
  });

  it('keeps peers in file order', () => {
    const config = parsed(lines('[Interface]', `PrivateKey = ${PRIVATE_KEY}`, '[Peer]', `PublicKey = ${PEER_KEY_2}`, '[Peer]', `PublicKey = ${PEER_KEY_1}`));
    expect(config.peers.map((peer) => peer.publicKey)).toEqual([PEER_KEY_2, PEER_KEY_1]);
  });
});

describe('parseWgQuickConfig realistic files', () => {
  it('parses a Mullvad file', () => {
    const text = lines(
      '[Interface]', '# Device: Happy Otter', `PrivateKey = ${PRIVATE_KEY}`,
      'Address = 10.64.12.34/32,fc00:bbbb:bbbb:bb01::1:c22/128', 'DNS = 10.64.0.1', '',
      '[Peer]', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 0.0.0.0/0,::0/0', 'Endpoint = 185.213.154.68:51820', '',
    );
    expect(parsed(text)).toEqual({
      interface: { ...emptyInterface, privateKey: PRIVATE_KEY, addresses: ['10.64.12.34/32', 'fc00:bbbb:bbbb:bb01::1:c22/128'], dns: ['10.64.0.1'] },
      peers: [{ publicKey: PEER_KEY_1, allowedIps: ['0.0.0.0/0', '::/0'], endpoint: { host: '185.213.154.68', port: 51820 } }],
    });
  });

  it('parses a Proton VPN file (comments with # and = inside)', () => {
    const text = lines(
      '[Interface]', '# Key for laptop', '# Bouncing = 7', '# NetShield = 1', '# Moderate NAT = off',
      '# NAT-PMP (Port Forwarding) = off', '# VPN Accelerator = on', `PrivateKey = ${PRIVATE_KEY}`, 'Address = 10.2.0.2/32',
      'DNS = 10.2.0.1', '', '[Peer]', '# CH#1', `PublicKey = ${PEER_KEY_1}`, 'AllowedIPs = 0.0.0.0/0', 'Endpoint = 185.159.157.1:51820',
    );
    const config = parsed(text);
    expect(config.interface).toMatchObject({ addresses: ['10.2.0.2/32'], dns: ['10.2.0.1'], dnsSearch: [] });
    expect(config.peers).toEqual([{ publicKey: PEER_KEY_1, allowedIps: ['0.0.0.0/0'], endpoint: { host: '185.159.157.1', port: 51820 } }]);
  });

  it('parses the wg-quick(8) man page example', () => {
    const text = lines(
      '[Interface]', 'Address = 10.200.100.8/24', 'DNS = 10.200.100.1', 'PrivateKey = oK56DE9Ue9zK76rAc8pBl6opph+1v36lm7cXXsQKrQM=', '',
      '[Peer]', 'PublicKey = GtL7fZc/bLnqZldpVofMCD6hDjrK28SsdLxevJ+qtKU=', 'PresharedKey = /UwcSPg38hW/D9Y3tcS1FOV0K1wuURMbS0sesJEP5ak=',
      'AllowedIPs = 0.0.0.0/0', 'Endpoint = demo.wireguard.com:51820',
    );
    expect(parsed(text).peers[0]).toEqual({
      publicKey: 'GtL7fZc/bLnqZldpVofMCD6hDjrK28SsdLxevJ+qtKU=', presharedKey: '/UwcSPg38hW/D9Y3tcS1FOV0K1wuURMbS0sesJEP5ak=',
      allowedIps: ['0.0.0.0/0'], endpoint: { host: 'demo.wireguard.com', port: 51820 },
    });
  });

  it('parses a wg-quick server file with hooks, SaveConfig and several peers', () => {
    const text = lines(
      '[Interface]', 'Address = 10.8.0.1/24, fd42:42:42::1/64', 'ListenPort = 51820', `PrivateKey = ${PRIVATE_KEY}`,
      'PostUp = iptables -A FORWARD -i %i -j ACCEPT; iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE',
      'PostDown = iptables -D FORWARD -i %i -j ACCEPT; iptables -t nat -D POSTROUTING -o eth0 -j MASQUERADE', 'SaveConfig = false', '',
      '### Client phone', '[Peer]', `PublicKey = ${PEER_KEY_1}`, `PresharedKey = ${PRESHARED_KEY}`, 'AllowedIPs = 10.8.0.2/32, fd42:42:42::2/128', '',
      '### Client laptop', '[Peer]', `PublicKey = ${PEER_KEY_2}`, 'AllowedIPs = 10.8.0.3/32, fd42:42:42::3/128', 'PersistentKeepalive = 25',
    );
    const result = parseWgQuickConfig(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.interface).toMatchObject({ listenPort: 51820, saveConfig: false, addresses: ['10.8.0.1/24', 'fd42:42:42::1/64'] });
    expect(result.config.interface.postUp).toHaveLength(1);
    expect(result.config.peers.map((peer) => peer.allowedIps)).toEqual([
      ['10.8.0.2/32', 'fd42:42:42::2/128'], ['10.8.0.3/32', 'fd42:42:42::3/128'],
    ]);
    expect(result.ignored.map((notice) => notice.key)).toEqual(['PostUp', 'PostDown', 'SaveConfig']);
  });
});
