// Tests for the IPC profile schemas: names, the public view (no secrets) and create/update input.
import { describe, it, expect } from 'vitest';
import { profileInputSchema, profileNameSchema, publicProfileSchema } from './profile-schema.js';
import { NON_CANONICAL_KEY, PEER_KEY_1, PRESHARED_KEY, PRIVATE_KEY } from '../config/test-fixtures.js';

describe('profileNameSchema', () => {
  const valid: { input: string; output: string }[] = [
    { input: 'home', output: 'home' },
    { input: '  Office VPN  ', output: 'Office VPN' },
    { input: 'se-sto-wg-001', output: 'se-sto-wg-001' },
    { input: 'CH_1', output: 'CH_1' },
    { input: 'me@work (backup)+v2=ok.conf', output: 'me@work (backup)+v2=ok.conf' },
    { input: 'Zürich', output: 'Zürich' },
    { input: 'x'.repeat(64), output: 'x'.repeat(64) },
  ];
  it.each(valid)('accepts $input', ({ input, output }) => {
    expect(profileNameSchema.parse(input)).toBe(output);
  });

  const invalid = ['', '   ', '.hidden', '-flag', 'x'.repeat(65), 'a/b', 'a\\b', 'tab\there', 'semi;colon', 'new\nline', '$HOME', 'a#b'];
  it.each(invalid)('rejects %j', (input) => {
    expect(profileNameSchema.safeParse(input).success).toBe(false);
  });
});

const publicProfile = {
  name: 'home',
  interface: {
    publicKey: PEER_KEY_1, addresses: ['10.0.0.2/32'], dns: ['10.0.0.1'], dnsSearch: [], mtu: 1420,
    table: { kind: 'auto' as const }, preUp: [], postUp: ['echo up'], preDown: [], postDown: [],
  },
  peers: [{ publicKey: PEER_KEY_1, hasPresharedKey: true, allowedIps: ['0.0.0.0/0'], endpoint: { host: 'vpn.example.com', port: 51820 } }],
};

describe('publicProfileSchema', () => {
  it('accepts a public profile', () => {
    expect(publicProfileSchema.parse(publicProfile)).toEqual(publicProfile);
  });

  it('strips secrets that should never be there', () => {
    const leaky = {
      ...publicProfile,
      interface: { ...publicProfile.interface, privateKey: PRIVATE_KEY },
      peers: [{ ...publicProfile.peers[0], presharedKey: PRESHARED_KEY }],
    };
    const parsed = publicProfileSchema.parse(leaky);
    expect(JSON.stringify(parsed)).not.toContain(PRIVATE_KEY);
    expect(JSON.stringify(parsed)).not.toContain(PRESHARED_KEY);
  });

  const broken: { name: string; patch: (p: typeof publicProfile) => unknown }[] = [
    { name: 'non-canonical public key', patch: (p) => ({ ...p, interface: { ...p.interface, publicKey: NON_CANONICAL_KEY } }) },
    { name: 'missing hasPresharedKey', patch: (p) => ({ ...p, peers: [{ publicKey: PEER_KEY_1, allowedIps: [] }] }) },
    { name: 'port out of range', patch: (p) => ({ ...p, peers: [{ ...p.peers[0], endpoint: { host: 'a', port: 70000 } }] }) },
    { name: 'unknown table kind', patch: (p) => ({ ...p, interface: { ...p.interface, table: { kind: 'main' } } }) },
    { name: 'multi-line hook', patch: (p) => ({ ...p, interface: { ...p.interface, postUp: ['a\nb'] } }) },
    { name: 'fractional MTU', patch: (p) => ({ ...p, interface: { ...p.interface, mtu: 1420.5 } }) },
    { name: 'bad name', patch: (p) => ({ ...p, name: '.x' }) },
  ];
  it.each(broken)('rejects $name', ({ patch }) => {
    expect(publicProfileSchema.safeParse(patch(publicProfile)).success).toBe(false);
  });
});

describe('profileInputSchema', () => {
  const base = {
    name: 'new',
    interface: { addresses: ['10.0.0.2/32'], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
    peers: [{ publicKey: PEER_KEY_1, allowedIps: ['0.0.0.0/0'] }],
  };

  it.each([
    ['without keys', base],
    ['with a private key', { ...base, interface: { ...base.interface, privateKey: PRIVATE_KEY } }],
    ['with a PSK', { ...base, peers: [{ ...base.peers[0], presharedKey: PRESHARED_KEY }] }],
    ['removing a PSK', { ...base, peers: [{ ...base.peers[0], presharedKey: null }] }],
  ])('accepts input %s', (_name, input) => {
    expect(profileInputSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a bad private key', { ...base, interface: { ...base.interface, privateKey: 'abc' } }],
    ['a bad PSK', { ...base, peers: [{ ...base.peers[0], presharedKey: NON_CANONICAL_KEY }] }],
    ['no peers array', { name: 'x', interface: base.interface }],
  ])('rejects input with %s', (_name, input) => {
    expect(profileInputSchema.safeParse(input).success).toBe(false);
  });
});
