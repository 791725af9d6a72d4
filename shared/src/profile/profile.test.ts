// Tests for the public view of a profile, applying input, and field-level validation.
import { describe, it, expect } from 'vitest';
import type { WgQuickConfig } from '../config/wg-config.js';
import { encodeKey, parseKey } from '../keys/base64-key.js';
import { applyProfileInput, toPublicProfile, validateProfile } from './profile.js';
import { publicProfileSchema, type ProfileInput } from './profile-schema.js';
import { NON_CANONICAL_KEY, PEER_KEY_1, PEER_KEY_2, PRESHARED_KEY, PRIVATE_KEY } from '../config/test-fixtures.js';

/** Stands in for X25519: any deterministic 32-byte function shows the wiring. */
const reversedBytes = (privateKey: Uint8Array): Uint8Array => Uint8Array.from(privateKey).reverse();

function config(): WgQuickConfig {
  return {
    interface: {
      privateKey: PRIVATE_KEY, addresses: ['10.0.0.2/32', 'fd00::2/128'], dns: ['10.0.0.1'], dnsSearch: ['example.com'],
      mtu: 1420, preUp: [], postUp: ['echo up'], preDown: [], postDown: [],
    },
    peers: [
      { publicKey: PEER_KEY_1, presharedKey: PRESHARED_KEY, allowedIps: ['0.0.0.0/0', '::/0'], endpoint: { host: '192.0.2.1', port: 51820 } },
      { publicKey: PEER_KEY_2, allowedIps: ['10.9.0.0/16'], persistentKeepalive: 25 },
    ],
  };
}

describe('toPublicProfile', () => {
  it('replaces the private key with the derived public key and hides PSKs', () => {
    const profile = toPublicProfile('home', config(), reversedBytes);
    const expectedPublic = encodeKey(reversedBytes(parseKey(PRIVATE_KEY) ?? new Uint8Array()));
    expect(profile.interface.publicKey).toBe(expectedPublic);
    expect(profile.peers.map((peer) => peer.hasPresharedKey)).toEqual([true, false]);
    expect(JSON.stringify(profile)).not.toContain(PRIVATE_KEY);
    expect(JSON.stringify(profile)).not.toContain(PRESHARED_KEY);
    expect(publicProfileSchema.parse(profile)).toEqual(profile);
    expect(profile.peers[1]).toEqual({ publicKey: PEER_KEY_2, hasPresharedKey: false, allowedIps: ['10.9.0.0/16'], persistentKeepalive: 25 });
  });

  it('throws for a stored profile without a private key (a bug)', () => {
    const broken = config();
    delete broken.interface.privateKey;
    expect(() => toPublicProfile('home', broken, reversedBytes)).toThrow(/no valid private key/);
  });
});

describe('applyProfileInput', () => {
  const input = (peers: ProfileInput['peers'], privateKey?: string): ProfileInput => ({
    name: 'home',
    interface: { ...config().interface, privateKey },
    peers,
  });

  it('keeps the previous private key and PSKs unless told otherwise', () => {
    const result = applyProfileInput(input([{ publicKey: PEER_KEY_1, allowedIps: ['0.0.0.0/0'] }, { publicKey: PEER_KEY_2, allowedIps: [] }]), config());
    expect(result.interface.privateKey).toBe(PRIVATE_KEY);
    expect(result.peers).toEqual([
      { publicKey: PEER_KEY_1, presharedKey: PRESHARED_KEY, allowedIps: ['0.0.0.0/0'] },
      { publicKey: PEER_KEY_2, allowedIps: [] },
    ]);
  });

  it('sets and removes keys as asked', () => {
    const result = applyProfileInput(
      input([{ publicKey: PEER_KEY_1, allowedIps: [], presharedKey: null }, { publicKey: PEER_KEY_2, allowedIps: [], presharedKey: PRESHARED_KEY }], PEER_KEY_1),
      config(),
    );
    expect(result.interface.privateKey).toBe(PEER_KEY_1);
    expect(result.peers.map((peer) => peer.presharedKey)).toEqual([undefined, PRESHARED_KEY]);
    expect('presharedKey' in (result.peers[0] ?? {})).toBe(false);
  });

  it('leaves the private key absent on create so the helper generates one', () => {
    const result = applyProfileInput(input([{ publicKey: PEER_KEY_1, allowedIps: [] }]));
    expect('privateKey' in result.interface).toBe(false);
    expect(validateProfile(result, { requirePrivateKey: false })).toEqual([]);
  });
});

describe('validateProfile', () => {
  it('accepts a good profile', () => {
    expect(validateProfile(config())).toEqual([]);
  });

  const cases: { name: string; change: (c: WgQuickConfig) => void; errors: { field: string; message: string }[] }[] = [
    { name: 'missing private key', change: (c) => delete c.interface.privateKey, errors: [{ field: 'interface.privateKey', message: 'Private key is required' }] },
    {
      name: 'bad private key', change: (c) => (c.interface.privateKey = NON_CANONICAL_KEY),
      errors: [{ field: 'interface.privateKey', message: "Private key is not a valid WireGuard key (expected 44 base64 characters ending in '=')" }],
    },
    { name: 'no address', change: (c) => (c.interface.addresses = []), errors: [{ field: 'interface.addresses', message: 'At least one address is required' }] },
    {
      name: 'bad address', change: (c) => (c.interface.addresses = ['10.0.0.2/32', '10.0.0.256/32']),
      errors: [{ field: 'interface.addresses.1', message: "'10.0.0.256' is not an IPv4 or IPv6 address" }],
    },
    { name: 'bad DNS server', change: (c) => (c.interface.dns = ['dns.google']), errors: [{ field: 'interface.dns.0', message: "'dns.google' is not an IP address" }] },
    { name: 'bad search domain', change: (c) => (c.interface.dnsSearch = ['a b']), errors: [{ field: 'interface.dnsSearch.0', message: "'a b' is not a valid domain name" }] },
    { name: 'MTU too small', change: (c) => (c.interface.mtu = 500), errors: [{ field: 'interface.mtu', message: 'MTU must be between 576 and 65535' }] },
    {
      name: 'MTU too small for IPv6', change: (c) => (c.interface.mtu = 1279),
      errors: [{ field: 'interface.mtu', message: 'MTU must be at least 1280 because the interface has an IPv6 address' }],
    },
    { name: 'IPv4-only MTU 576', change: (c) => ((c.interface.mtu = 576), (c.interface.addresses = ['10.0.0.2/32'])), errors: [] },
    { name: 'listen port', change: (c) => (c.interface.listenPort = 65536), errors: [{ field: 'interface.listenPort', message: 'Listen port must be between 0 and 65535' }] },
    { name: 'fwmark', change: (c) => (c.interface.fwMark = -1), errors: [{ field: 'interface.fwMark', message: 'Firewall mark must be between 0 and 4294967295' }] },
    {
      name: 'table name', change: (c) => (c.interface.table = { kind: 'name', name: 'bad name' }),
      errors: [{ field: 'interface.table', message: "'bad name' is not a valid routing table name" }],
    },
    { name: 'hook with #', change: (c) => c.interface.preDown.push('echo # x'), errors: [{ field: 'interface.preDown.0', message: "Hook scripts cannot contain a newline or '#'" }] },
    { name: 'no peers', change: (c) => (c.peers = []), errors: [{ field: 'peers', message: 'At least one peer is required' }] },
    {
      name: 'bad public key', change: (c) => c.peers[1] && (c.peers[1].publicKey = 'x'),
      errors: [{ field: 'peers.1.publicKey', message: "Public key is not a valid WireGuard key (expected 44 base64 characters ending in '=')" }],
    },
    {
      name: 'bad PSK', change: (c) => c.peers[0] && (c.peers[0].presharedKey = ''),
      errors: [{ field: 'peers.0.presharedKey', message: "Preshared key is not a valid WireGuard key (expected 44 base64 characters ending in '=')" }],
    },
    {
      name: 'duplicate peer', change: (c) => c.peers[1] && (c.peers[1].publicKey = PEER_KEY_1),
      errors: [{ field: 'peers.1.publicKey', message: 'Another peer already uses this public key' }],
    },
    {
      name: 'bad allowed IP', change: (c) => c.peers[0]?.allowedIps.push('::/200'),
      errors: [{ field: 'peers.0.allowedIps.2', message: "'/200' is not a prefix length between 0 and 128" }],
    },
    {
      name: 'allowed IP with host bits', change: (c) => c.peers[1] && (c.peers[1].allowedIps = ['10.9.1.1/16']),
      errors: [{ field: 'peers.1.allowedIps.0', message: "'10.9.1.1/16' has host bits set" }],
    },
    {
      name: 'endpoint host', change: (c) => c.peers[0] && (c.peers[0].endpoint = { host: 'bad host', port: 1 }),
      errors: [{ field: 'peers.0.endpoint', message: "'bad host' is not an IP address or host name" }],
    },
    {
      name: 'endpoint port', change: (c) => c.peers[0] && (c.peers[0].endpoint = { host: 'vpn.example.com', port: 0 }),
      errors: [{ field: 'peers.0.endpoint', message: 'Endpoint port must be between 1 and 65535' }],
    },
    {
      name: 'keepalive', change: (c) => c.peers[1] && (c.peers[1].persistentKeepalive = 1.5),
      errors: [{ field: 'peers.1.persistentKeepalive', message: 'Persistent keepalive must be between 0 and 65535 seconds' }],
    },
  ];
  it.each(cases)('$name', ({ change, errors }) => {
    const changed = config();
    change(changed);
    expect(validateProfile(changed)).toEqual(errors);
  });
});
