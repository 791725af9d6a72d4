// Tests for the profile, connection, settings, stats and log handlers through a real client and server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeKey } from '../../../../shared/src/keys/base64-key.js';
import { disconnectedStatus } from '../../../../shared/src/protocol/state.js';
import { generatePrivateKey, publicKeyOf } from '../../wireguard/crypto.js';
import type { FerryClient } from '../client.js';
import { ROOT, startHarness, STRANGER, type Harness } from '../server-harness.js';
import { FAKE_TIME } from '../service.fake.js';

const privateKey = encodeKey(generatePrivateKey());
const peerKey = encodeKey(publicKeyOf(generatePrivateKey()));
const psk = encodeKey(generatePrivateKey());
const CONFIG = `[Interface]
PrivateKey = ${privateKey}
Address = 10.0.0.2/32
DNS = 10.0.0.1
PostUp = echo up

[Peer]
PublicKey = ${peerKey}
PresharedKey = ${psk}
AllowedIPs = 0.0.0.0/0
Endpoint = 192.0.2.1:51820
`;

let harness: Harness;
let root: FerryClient;
beforeEach(async () => {
  harness = await startHarness();
  root = await harness.connect(ROOT);
});
afterEach(async () => {
  root.close();
  await harness.close();
});

describe('profile.import', () => {
  it('stores the profile, reports ignored keys and never returns a secret', async () => {
    const reply = await root.call('profile.import', { name: 'home', text: CONFIG });
    expect(reply.profile).toMatchObject({ name: 'home', interface: { publicKey: encodeKey(publicKeyOf(Buffer.from(privateKey, 'base64'))), addresses: ['10.0.0.2/32'] } });
    expect(reply.profile.peers[0]).toMatchObject({ publicKey: peerKey, hasPresharedKey: true });
    expect(reply.ignored.map((notice) => notice.key)).toContain('PostUp');
    const everything = JSON.stringify([reply, await root.call('profile.list'), await root.call('profile.show', { name: 'home' })]);
    expect(everything).not.toContain(privateKey);
    expect(everything).not.toContain(psk);
    const file = JSON.parse(await readFile(join(harness.dir, 'state', 'profiles', 'home.json'), 'utf8'));
    expect(file.config.interface.privateKey).toBe(privateKey);
  });

  it('names an unnamed import and refuses a duplicate name', async () => {
    expect((await root.call('profile.import', { text: CONFIG })).profile.name).toBe('imported');
    expect((await root.call('profile.import', { text: CONFIG })).profile.name).toBe('imported-2');
    await expect(root.call('profile.import', { name: 'imported', text: CONFIG })).rejects.toMatchObject({ code: 'PROFILE_EXISTS' });
  });

  it('reports parse errors with their lines', async () => {
    const error = await root.call('profile.import', { name: 'bad', text: '[Interface]\nPrivateKey = nope\nBogus = 1\n' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFIG_PARSE_ERROR' });
    const details = (error as { details: { errors: { line: number; message: string }[] } }).details;
    expect(details.errors.map((e) => e.line)).toEqual(expect.arrayContaining([2, 3]));
    expect((error as Error).message).toMatch(/^cannot parse the configuration: line 2: /);
  });
});

describe('profile.create / update / rename / remove', () => {
  it('generates a key pair whose private half stays in the store', async () => {
    const { profile } = await root.call('profile.create', { name: 'fresh' });
    const stored = harness.deps.profiles.get('fresh')?.config.interface.privateKey ?? '';
    expect(profile.interface.publicKey).toBe(encodeKey(publicKeyOf(Buffer.from(stored, 'base64'))));
    expect(JSON.stringify(profile)).not.toContain(stored);
    expect(profile.peers).toEqual([]);
  });

  it('updates a profile keeping its private key and preshared key', async () => {
    await root.call('profile.import', { name: 'home', text: CONFIG });
    const input = {
      interface: { addresses: ['10.9.0.2/32'], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
      peers: [{ publicKey: peerKey, allowedIps: ['10.9.0.0/24'] }],
    };
    const { profile } = await root.call('profile.update', { name: 'home', input });
    expect(profile.interface.addresses).toEqual(['10.9.0.2/32']);
    expect(profile.peers[0]?.hasPresharedKey).toBe(true);
    expect(harness.deps.profiles.get('home')?.config.interface.privateKey).toBe(privateKey);
    const bad = { ...input, interface: { ...input.interface, addresses: ['not-an-address'] } };
    await expect(root.call('profile.update', { name: 'home', input: bad })).rejects.toMatchObject({ code: 'PROFILE_INVALID' });
  });

  it('renames and removes, refusing while the profile is in use', async () => {
    await root.call('profile.import', { name: 'home', text: CONFIG });
    await root.call('settings.set', { key: 'autoConnectProfile', value: 'home' });
    await root.call('connect', { name: 'home' });
    await expect(root.call('profile.rename', { name: 'home', newName: 'away' })).rejects.toMatchObject({ code: 'PROFILE_IN_USE' });
    await expect(root.call('profile.remove', { name: 'home' })).rejects.toMatchObject({ code: 'PROFILE_IN_USE' });
    await root.call('disconnect');
    expect((await root.call('profile.rename', { name: 'home', newName: 'away' })).profile.name).toBe('away');
    expect((await root.call('settings.get')).autoConnectProfile).toBe('away');
    expect(await root.call('profile.remove', { name: 'away' })).toEqual({ ok: true });
    expect((await root.call('settings.get')).autoConnectProfile).toBeNull();
    await expect(root.call('profile.show', { name: 'away' })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND', message: 'profile "away" not found' });
  });
});

describe('profile.export', () => {
  beforeEach(async () => {
    await root.call('profile.import', { name: 'home', text: CONFIG });
  });

  it('leaves secrets out by default', async () => {
    const { text } = await root.call('profile.export', { name: 'home' });
    expect(text).toContain(`PublicKey = ${peerKey}`);
    expect(text).not.toContain('PrivateKey');
    expect(text).not.toContain('PresharedKey');
  });

  it('includes them only for uid 0', async () => {
    expect((await root.call('profile.export', { name: 'home', includePrivateKey: true })).text).toContain(`PrivateKey = ${privateKey}`);
    const stranger = await harness.connect(STRANGER);
    await expect(stranger.call('profile.export', { name: 'home', includePrivateKey: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await stranger.call('profile.export', { name: 'home' })).text).not.toContain('PrivateKey');
    stranger.close();
  });
});

describe('connection, settings, stats and logs', () => {
  it('checks the profile before asking the service, and passes the options', async () => {
    await expect(root.call('connect', { name: 'nowhere' })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    await root.call('profile.import', { name: 'home', text: CONFIG });
    expect(await root.call('connect', { name: 'home', wait: true, timeoutMs: 1234 })).toMatchObject({ state: 'connected', profile: 'home' });
    expect(harness.service.connectCalls).toEqual([{ name: 'home', options: { wait: true, timeoutMs: 1234 } }]);
    await expect(root.call('connect', { name: 'home' })).rejects.toMatchObject({ code: 'ALREADY_CONNECTED' });
    expect(await root.call('disconnect')).toEqual(disconnectedStatus(FAKE_TIME));
    await expect(root.call('disconnect')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('validates settings', async () => {
    await expect(root.call('settings.set', { key: 'killSwitch', value: 'sometimes' })).rejects.toMatchObject({ code: 'SETTING_INVALID' });
    await expect(root.call('settings.set', { key: 'nope', value: 1 })).rejects.toMatchObject({ code: 'SETTING_INVALID' });
    expect((await root.call('settings.set', { key: 'killSwitch', value: 'off' })).killSwitch).toBe('off');
  });

  it('serves stats and logs', async () => {
    expect((await root.call('stats.get')).rxBytes).toBe(0);
    expect(await root.call('stats.history', { seconds: 60 })).toEqual({ samples: [] });
    harness.deps.logger.warn('something odd', { n: 1 });
    const { entries } = await root.call('logs.get', { level: 'warn', limit: 5 });
    expect(entries.at(-1)).toMatchObject({ level: 'warn', message: 'something odd', fields: { n: 1 } });
    expect(entries.every((entry) => entry.level === 'warn' || entry.level === 'error')).toBe(true);
  });
});
