// ferryd's socket under abuse: random bytes, oversize lines, schema violations, and a real unprivileged local user.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../shared/src/protocol/index.js';
import { ferryOk, ferryStatus, importProfile } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { isAlive } from '../lab/processes.js';
import { exchange, lines } from '../lab/raw-socket.js';
import { createTestUser, userExists, type TestUser } from '../lab/test-user.js';

const HELLO = { id: 0, method: 'hello', params: { protocolVersion: PROTOCOL_VERSION, client: 'ferry-lab-test' } };

interface ErrorReply {
  id: unknown;
  error: { code: string; message: string };
}

function errorOf(reply: unknown): ErrorReply['error'] | undefined {
  return (reply as Partial<ErrorReply> | undefined)?.error;
}

describe('ferryd keeps serving whatever arrives on its socket', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await createLab({ name: 'fsock' });
    await lab.startFerryd();
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  async function expectStillServing(): Promise<void> {
    expect(isAlive(lab.ferryd.pid)).toBe(true);
    expect((await ferryStatus(lab)).state).toBe('disconnected');
  }

  it('answers random bytes with an error reply', async () => {
    const noise = Buffer.from(randomBytes(8192).filter((byte) => byte !== 0x0a));
    const { replies } = await exchange(lab.socketPath, Buffer.concat([noise, Buffer.from('\n')]), 1);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(ERROR_CODES).toContain(errorOf(replies[0])?.code);
    await expectStillServing();
  });

  it('refuses a line over 1 MiB with MESSAGE_TOO_LARGE', async () => {
    const padding = 'x'.repeat(MAX_MESSAGE_BYTES + 1024);
    const oversize = `${JSON.stringify({ id: 1, method: 'status', params: { padding } })}\n`;
    const { replies } = await exchange(lab.socketPath, oversize, 1);
    expect(errorOf(replies[0])?.code).toBe('MESSAGE_TOO_LARGE');
    const unterminated = await exchange(lab.socketPath, 'y'.repeat(2 * MAX_MESSAGE_BYTES), 1);
    expect(errorOf(unterminated.replies[0])?.code).toBe('MESSAGE_TOO_LARGE');
    await expectStillServing();
  });

  it('answers schema-violating messages with error replies carrying their ids', async () => {
    const cases: [unknown, string | null][] = [
      [{ id: 1, method: 'connect', params: { name: 42 } }, 'INVALID_PARAMS'],
      [{ id: 2, method: 'no.such.method', params: {} }, 'UNKNOWN_METHOD'],
      [{ id: 3, method: 'status', params: { unexpected: true } }, 'INVALID_PARAMS'],
      [{ id: 4, method: 'profile.import', params: { text: 12 } }, 'INVALID_PARAMS'],
      [{ id: 5, method: 'subscribe', params: { events: ['everything'] } }, 'INVALID_PARAMS'],
      [{ id: 6 }, null],
      [{ method: 'status' }, null],
      [[1, 2, 3], null],
      ['"just a string"', null],
      ['{"id": 7, "method": "status", ', null],
    ];
    for (const [message, expectedCode] of cases) {
      const { replies } = await exchange(lab.socketPath, lines(HELLO, message), 2);
      const error = errorOf(replies[1]);
      expect(error, `reply to ${JSON.stringify(message)}: ${JSON.stringify(replies)}`).toBeDefined();
      expect(ERROR_CODES).toContain(error?.code);
      if (expectedCode !== null) expect(error?.code).toBe(expectedCode);
      const id = (message as { id?: unknown }).id;
      if (typeof id === 'number') expect((replies[1] as ErrorReply).id).toBe(id);
    }
    await expectStillServing();
  });

  it('requires hello first, then serves the same connection', async () => {
    const { replies } = await exchange(lab.socketPath, lines({ id: 1, method: 'status', params: {} }, HELLO, { id: 2, method: 'status', params: {} }), 3);
    expect(errorOf(replies[0])?.code).toBe('HELLO_REQUIRED');
    expect((replies[2] as { id: number; result: { state: string } }).result.state).toBe('disconnected');
  });
});

describe('an unprivileged local user', () => {
  let lab: Lab;
  let user: TestUser | undefined;

  beforeAll(async () => {
    lab = await createLab({ name: 'fuser' });
    await lab.startFerryd();
  });

  afterAll(async () => {
    try {
      await user?.remove();
      if (user !== undefined) expect(await userExists(user.name)).toBe(false);
    } finally {
      await lab?.destroy();
    }
  });

  it('is refused every write method and can read status', async () => {
    user = await createTestUser();
    const profile = await lab.makeClientProfile();
    const file = await importProfile(lab, 'owned', profile);
    const asUser = user;
    const readable = await lab.ferry(['--json', 'status'], asUser);
    expect(readable.code, readable.stderr).toBe(0);
    expect((JSON.parse(readable.stdout) as { state: string }).state).toBe('disconnected');
    const writes = [
      ['connect', 'owned'],
      ['connect', 'owned', '--wait'],
      ['disconnect'],
      ['profile', 'import', file, '--name', 'intruder'],
      ['profile', 'remove', 'owned'],
      ['settings', 'set', 'logLevel', 'debug'],
      ['settings', 'set', 'killSwitch', 'off'],
    ];
    for (const args of writes) {
      const result = await lab.ferry(args, asUser);
      expect(result.code, `ferry ${args.join(' ')} as ${user.name}`).not.toBe(0);
      expect(result.stderr, `ferry ${args.join(' ')} as ${user.name}`).toMatch(/FORBIDDEN|needs root|only root|ferry group/i);
    }
    const listed = await ferryOk(lab, ['--json', 'profile', 'list']);
    expect(listed).toContain('"owned"');
    expect(listed).not.toContain('intruder');
    expect((await ferryStatus(lab)).state).toBe('disconnected');
  });
});
