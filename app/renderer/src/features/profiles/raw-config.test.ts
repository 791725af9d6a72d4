// Tests of the profile text editor's model: no secrets in the text, line-numbered errors, keys left out are kept.
import { describe, expect, it } from 'vitest';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { checkRawText, lineOfField, rawTextOf } from './raw-config.js';

const KEY_A = 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=';
const KEY_B = 'xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=';

const profile: PublicProfile = {
  name: 'Office',
  interface: { publicKey: KEY_A, addresses: ['10.0.0.2/32'], dns: ['10.0.0.1'], dnsSearch: [], mtu: 1420, preUp: [], postUp: [], preDown: [], postDown: [] },
  peers: [{ publicKey: KEY_B, hasPresharedKey: true, allowedIps: ['0.0.0.0/0'], endpoint: { host: '203.0.113.1', port: 51820 } }],
};

describe('raw profile text', () => {
  it('shows the profile without any key but the peer public key, and reads back to update input that keeps the stored keys', () => {
    const text = rawTextOf(profile);
    expect(text).not.toMatch(/PrivateKey\s*=|PresharedKey\s*=/);
    expect(text).toContain(`PublicKey = ${KEY_B}`);
    const check = checkRawText(text);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.body.interface).not.toHaveProperty('privateKey');
    expect(check.body.peers[0]).not.toHaveProperty('presharedKey');
    expect(check.body.peers[0]).toMatchObject({ publicKey: KEY_B, allowedIps: ['0.0.0.0/0'], endpoint: { host: '203.0.113.1', port: 51820 } });
    expect(check.body.interface).toMatchObject({ addresses: ['10.0.0.2/32'], dns: ['10.0.0.1'], mtu: 1420 });
  });

  it('reports parse errors with their line and produces no input', () => {
    const text = rawTextOf(profile).replace('Endpoint = 203.0.113.1:51820', 'Endpoint = 203.0.113.1');
    const line = text.split('\n').findIndex((entry) => entry.startsWith('Endpoint')) + 1;
    const check = checkRawText(text);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors[0]?.line).toBe(line);
    expect(check.errors[0]?.message).toMatch(new RegExp(`^Line ${line}:`));
  });

  it('passes a private key the user typed in, and accepts a draft without peers', () => {
    const withKey = rawTextOf(profile).replace('[Interface]\n', `[Interface]\nPrivateKey = ${KEY_A}\n`);
    const check = checkRawText(withKey);
    expect(check.ok && check.body.interface.privateKey).toBe(KEY_A);
    const draft = checkRawText('[Interface]\nAddress = 10.0.0.2/32\n');
    expect(draft.ok && draft.missing.length).toBe(1);
  });

  it('finds the line of a field for validation problems', () => {
    const text = '[Interface]\nAddress = 10.0.0.2/32\nMTU = 1420\n\n[Peer]\nPublicKey = x\n\n[Peer]\nEndpoint = a:1\n';
    expect(lineOfField(text, 'interface.mtu')).toBe(3);
    expect(lineOfField(text, 'peers.1.endpoint')).toBe(9);
    expect(lineOfField(text, 'peers.1')).toBe(8);
    expect(lineOfField(text, 'interface.listenPort')).toBe(0);
  });
});
