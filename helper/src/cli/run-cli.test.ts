// The ferry CLI run against a real in-process ferryd IPC server: output, JSON documents and exit codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeKey } from '../../../shared/src/keys/base64-key.js';
import { statusSchema } from '../../../shared/src/protocol/state.js';
import { emptyStatsSample } from '../../../shared/src/protocol/stats.js';
import { generatePrivateKey, publicKeyOf } from '../wireguard/crypto.js';
import { startHarness, STRANGER, type Harness } from '../ipc/server-harness.js';
import { FAKE_TIME } from '../ipc/service.fake.js';
import { FakeCliIo } from './fake-cli-io.js';
import { runCli } from './run-cli.js';

const privateKey = encodeKey(generatePrivateKey());
const peerKey = encodeKey(publicKeyOf(generatePrivateKey()));
const CONFIG = `[Interface]\nPrivateKey = ${privateKey}\nAddress = 10.0.0.2/32\n\n[Peer]\nPublicKey = ${peerKey}\nAllowedIPs = 0.0.0.0/0\nEndpoint = 192.0.2.1:51820\n`;

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.close();
});

async function ferry(...argv: string[]): Promise<{ code: number; out: string; err: string; io: FakeCliIo }> {
  const io = new FakeCliIo({ FERRY_SOCKET: harness.socketPath });
  io.files.set('/etc/wireguard/home.conf', CONFIG);
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, io };
}

describe('ferry against ferryd', () => {
  it('prints status as text and as one JSON document', async () => {
    expect(await ferry('status')).toMatchObject({ code: 0, out: 'state: disconnected\n', err: '' });
    const json = await ferry('status', '--json');
    expect(json.code).toBe(0);
    expect(json.out.trimEnd().split('\n')).toHaveLength(1);
    expect(statusSchema.parse(JSON.parse(json.out))).toMatchObject({ state: 'disconnected', profile: null, rxBytes: 0, txBytes: 0, lastHandshakeAt: null });
  });

  it('imports, lists, shows, exports, renames and removes a profile', async () => {
    const imported = await ferry('profile', 'import', '/etc/wireguard/home.conf');
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toBe(`imported profile "home" (public key ${encodeKey(publicKeyOf(Buffer.from(privateKey, 'base64')))})\n`);
    expect((await ferry('profile', 'list')).out).toMatch(/^NAME +ADDRESSES +ENDPOINT +PEERS\nhome +10\.0\.0\.2\/32 +192\.0\.2\.1:51820 +1\n$/);
    expect((await ferry('profile', 'show', 'home')).out).toContain(`peer: ${peerKey}`);
    expect((await ferry('profile', 'export', 'home')).out).not.toContain(privateKey);
    expect((await ferry('profile', 'export', 'home', '--include-private-key')).out).toContain(`PrivateKey = ${privateKey}`);
    expect(await ferry('profile', 'rename', 'home', 'away')).toMatchObject({ code: 0, out: 'renamed profile "home" to "away"\n' });
    expect(await ferry('--json', 'profile', 'remove', 'away')).toMatchObject({ code: 0, out: '{"ok":true}\n' });
  });

  it('creates a profile and prints its public key only', async () => {
    const created = await ferry('profile', 'create', 'new', '--address', '10.1.0.2/32', '--peer-public-key', peerKey, '--endpoint', '192.0.2.9:51820');
    expect(created.code).toBe(0);
    const stored = harness.deps.profiles.get('new')?.config;
    expect(created.out).toBe(`${encodeKey(publicKeyOf(Buffer.from(stored?.interface.privateKey ?? '', 'base64')))}\n`);
    expect(stored?.peers[0]).toMatchObject({ publicKey: peerKey, allowedIps: ['0.0.0.0/0', '::/0'], endpoint: { host: '192.0.2.9', port: 51820 } });
  });

  it('connects and disconnects, failing with one line when not connected', async () => {
    await ferry('profile', 'import', '/etc/wireguard/home.conf');
    expect(await ferry('connect', 'home', '--wait', '--timeout', '5')).toMatchObject({ code: 0, out: 'connected to "home" (ferry0, 10.0.0.2/32)\n' });
    expect(harness.service.connectCalls.at(-1)).toEqual({ name: 'home', options: { wait: true, timeoutMs: 5000 } });
    // --restart asks ferryd to bring the profile that is up back afresh (the handler passes it on only when set;
    // this fake service answers ALREADY_CONNECTED either way).
    await ferry('connect', 'home', '--restart');
    expect(harness.service.connectCalls.at(-1)).toMatchObject({ name: 'home', options: { wait: false, restart: true } });
    expect(await ferry('disconnect')).toMatchObject({ code: 0, out: 'disconnected\n' });
    expect(await ferry('disconnect')).toEqual(expect.objectContaining({ code: 1, out: '', err: 'ferry: not connected\n' }));
  });

  it('reports daemon errors in one line, and as a JSON document with --json', async () => {
    expect(await ferry('profile', 'show', 'x')).toMatchObject({ code: 1, out: '', err: 'ferry: profile "x" not found\n' });
    const json = await ferry('--json', 'connect', 'x');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({ error: { code: 'PROFILE_NOT_FOUND', message: 'profile "x" not found' } });
  });

  it('reports a parse error of an imported file by line', async () => {
    const io = new FakeCliIo({ FERRY_SOCKET: harness.socketPath });
    io.files.set('broken.conf', '[Interface]\nPrivateKey = oops\n');
    expect(await runCli(['profile', 'import', 'broken.conf'], io)).toBe(1);
    expect(io.err).toMatch(/^ferry: cannot parse the configuration: line 2: .*\n$/);
  });

  it('refuses writes for a user outside the ferry group', async () => {
    harness.nextCredentials = STRANGER;
    const result = await ferry('settings', 'set', 'lockdown', 'true');
    expect(result.code).toBe(1);
    expect(result.err).toBe('ferry: settings.set needs root or membership of the ferry group\n');
    harness.nextCredentials = STRANGER;
    expect((await ferry('status')).code).toBe(0);
  });

  it('gets and sets settings', async () => {
    expect(await ferry('settings', 'set', 'killSwitch', 'on')).toMatchObject({ code: 0, out: 'killSwitch = on\n' });
    expect(await ferry('settings', 'get', 'killSwitch')).toMatchObject({ code: 0, out: 'on\n' });
    expect(await ferry('--json', 'settings', 'get', 'lockdown')).toMatchObject({ code: 0, out: 'false\n' });
    expect((await ferry('settings', 'get')).out).toContain('killSwitch         = on\n');
  });

  it('prints stats and logs', async () => {
    harness.service.sample = { ...emptyStatsSample(FAKE_TIME), rxBytes: 2048 };
    expect((await ferry('stats')).out).toContain('received: 2 KiB in 0 packets');
    harness.deps.logger.warn('watch out', { n: 1 });
    const logs = await ferry('logs', '--level', 'warn');
    expect(logs.out).toMatch(/WARN  watch out n=1\n$/);
    const json = await ferry('--json', 'logs');
    expect(JSON.parse(json.out).entries.length).toBeGreaterThan(0);
  });

  it('follows stats, one JSON line per sample, until interrupted', async () => {
    const io = new FakeCliIo({ FERRY_SOCKET: harness.socketPath });
    const run = runCli(['stats', '--follow', '--json'], io);
    await io.following;
    for (const rxBytes of [1, 2, 3]) harness.service.emitStats({ ...emptyStatsSample(FAKE_TIME), rxBytes });
    // Wait until the three samples have reached the CLI before stopping it.
    while (io.out.split('\n').length <= 3) await new Promise((resolve) => setImmediate(resolve));
    io.stop();
    expect(await run).toBe(0);
    expect(io.out.trimEnd().split('\n').map((line) => JSON.parse(line).rxBytes)).toEqual([1, 2, 3]);
    expect(io.err).toBe('');
  });

  it('follows logs after printing the backlog', async () => {
    harness.deps.logger.info('before');
    const io = new FakeCliIo({ FERRY_SOCKET: harness.socketPath });
    const run = runCli(['logs', '--follow', '--level', 'info'], io);
    await io.following;
    harness.deps.logger.info('after');
    while (!io.out.includes('after')) await new Promise((resolve) => setImmediate(resolve));
    io.stop();
    expect(await run).toBe(0);
    expect(io.out.indexOf('before')).toBeLessThan(io.out.indexOf('after'));
    expect(io.out.match(/after/g)).toHaveLength(1);
    expect(io.err).toBe('');
  });

  it('exits 3 when a follow loses ferryd', async () => {
    const io = new FakeCliIo({ FERRY_SOCKET: harness.socketPath });
    const run = runCli(['stats', '--follow'], io);
    await io.following;
    await harness.server.close();
    expect(await run).toBe(3);
    expect(io.err).toBe('ferry: lost the connection to ferryd\n');
  });
});

describe('ferry without ferryd', () => {
  it('exits 3 with the socket path when nothing listens', async () => {
    const io = new FakeCliIo({ FERRY_SOCKET: '/nonexistent/ferryd.sock' });
    expect(await runCli(['status'], io)).toBe(3);
    expect(io.err).toBe('ferry: cannot reach ferryd at /nonexistent/ferryd.sock (is it running?)\n');
  });

  it.each<[string[], string]>([
    [['frobnicate'], 'ferry: unknown command "frobnicate"\n'],
    [['connect'], 'ferry: missing NAME\n'],
    [['settings', 'set', 'lockdown', 'perhaps'], 'ferry: invalid value for lockdown: expected true or false\n'],
    [['settings', 'get', 'colour'], 'ferry: unknown setting "colour"'],
    [['connect', 'home', '--timeout', 'soon'], 'ferry: --timeout must be a number of seconds'],
    [['logs', '--level', 'loud'], 'ferry: --level must be one of debug, info, warn, error\n'],
    [['profile', 'import', '-'], 'ferry: cannot derive a profile name from "-"; use --name NAME\n'],
  ])('exits 2 for %j before contacting ferryd', async (argv, message) => {
    const io = new FakeCliIo({ FERRY_SOCKET: '/nonexistent/ferryd.sock' });
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err.startsWith(message)).toBe(true);
    expect(io.out).toBe('');
  });

  it('prints help on stdout with exit 0', async () => {
    const io = new FakeCliIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out).toContain('usage: ferry [--socket PATH] [--json] COMMAND');
    expect(io.out).toContain('  split launch -- COMMAND [ARG...]\n');
    const command = new FakeCliIo();
    expect(await runCli(['connect', '--help'], command)).toBe(0);
    expect(command.out).toContain('connect NAME [--wait] [--timeout SECONDS]');
  });
});
