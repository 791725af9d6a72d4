// Tests of the profile editor's form model: round trip, inline errors per field, drafts, and fields the form does not show.
import { describe, expect, it } from 'vitest';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { checkProfileForm, formFieldOf, formFromProfile } from './profile-form.js';

const KEY_A = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const KEY_B = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';

const profile: PublicProfile = {
  name: 'Office',
  interface: {
    publicKey: KEY_A, addresses: ['10.0.0.2/32', 'fd00::2/128'], dns: ['10.0.0.1'], dnsSearch: ['corp.example'],
    mtu: 1420, preUp: ['echo up'], postUp: [], preDown: [], postDown: [],
  },
  peers: [{ publicKey: KEY_B, hasPresharedKey: true, allowedIps: ['0.0.0.0/0'], endpoint: { host: '203.0.113.1', port: 51820 }, persistentKeepalive: 25 }],
};

describe('profile form', () => {
  it('round-trips a profile into update input, keeping what the form does not show', () => {
    const form = formFromProfile(profile);
    expect(form.dns).toBe('10.0.0.1, corp.example');
    expect(form.peers[0]?.endpoint).toBe('203.0.113.1:51820');
    const check = checkProfileForm(form, profile);
    expect(check.errors).toEqual({});
    expect(check.body?.interface).toMatchObject({ dns: ['10.0.0.1'], dnsSearch: ['corp.example'], mtu: 1420, preUp: ['echo up'] });
    expect(check.body?.interface).not.toHaveProperty('publicKey');
    expect(check.body?.interface).not.toHaveProperty('privateKey');
    expect(check.body?.peers[0]).toEqual({ publicKey: KEY_B, allowedIps: ['0.0.0.0/0'], endpoint: { host: '203.0.113.1', port: 51820 }, persistentKeepalive: 25 });
  });

  it('reports a bad key on its own field and yields no input', () => {
    const form = formFromProfile(profile);
    form.peers[0]!.publicKey = 'not-a-key';
    const check = checkProfileForm(form, profile);
    expect(check.body).toBeNull();
    expect(check.errors['peers.0.publicKey']).toMatch(/not a valid WireGuard key/);
  });

  it('reports parse problems of numbers, endpoints and list entries on their fields', () => {
    const form = { ...formFromProfile(profile), mtu: '99', addresses: '10.0.0.2/32, 300.1.1.1' };
    form.peers[0]!.endpoint = 'host-without-port';
    form.peers[0]!.allowedIps = '10.0.0.1/24';
    const { errors } = checkProfileForm(form, profile);
    expect(Object.keys(errors).sort()).toEqual(['interface.addresses', 'interface.mtu', 'peers.0.allowedIps', 'peers.0.endpoint']);
    expect(errors['peers.0.allowedIps']).toMatch(/host bits/);
  });

  it('lets a draft without address or peer be saved, listing what a connection will need', () => {
    const check = checkProfileForm({ ...formFromProfile(profile), addresses: '', peers: [] }, profile);
    expect(check.body).not.toBeNull();
    expect(check.missing).toHaveLength(2);
  });

  it('maps list-entry paths to the list field', () => {
    expect(formFieldOf('interface.addresses.3')).toBe('interface.addresses');
    expect(formFieldOf('interface.dnsSearch.0')).toBe('interface.dns');
    expect(formFieldOf('peers.2.allowedIps.1')).toBe('peers.2.allowedIps');
    expect(formFieldOf('peers.2.publicKey')).toBe('peers.2.publicKey');
  });
});
