// The journal: on disk (0600) before each change is made, reloaded by a new process, refusing records it cannot trust.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { Journal, type SystemChange } from './journal.js';
import { makeLinuxTestEnv, readJournalFile } from './linux-test-helpers.js';

let directory: string;
beforeEach(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-journal-'));
});
afterEach(async () => {
  await fs.rm(directory, { recursive: true, force: true });
});

const address: SystemChange = { kind: 'address', interfaceName: 'ferry0', family: 4, address: '10.64.0.2/32' };
const nft: SystemChange = { kind: 'nft-table', family: 'inet', name: 'ferry-mark-ferry0' };

describe('Journal', () => {
  it('persists every record with its time, mode 0600, in a 0700 state dir, and reloads it', async () => {
    const clock = new FakeClock();
    const stateDir = path.join(directory, 'state');
    const { journal } = await Journal.load(stateDir, clock);
    await journal.record(address);
    clock.advance(5);
    await journal.record(nft);
    expect((await fs.stat(stateDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(journal.filePath)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(stateDir)).toEqual(['journal.json']); // no temporary file left behind
    const reloaded = await Journal.load(stateDir, clock);
    expect(reloaded.problem).toBeUndefined();
    expect(reloaded.journal.entries()).toEqual([
      { atWallMs: clock.wallMs() - 5, change: address },
      { atWallMs: clock.wallMs(), change: nft },
    ]);
  });

  it('deletes its file once the last record is forgotten', async () => {
    const { journal } = await Journal.load(directory, new FakeClock());
    await journal.record(address);
    const [record] = journal.entries();
    await journal.forget(record!);
    expect(journal.isEmpty).toBe(true);
    expect(await readJournalFile(directory)).toBeNull();
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another program\'s nft table', JSON.stringify({ version: 1, records: [{ atWallMs: 1, change: { kind: 'nft-table', family: 'inet', name: 'filter' } }] })],
    ['an interface name with a space', JSON.stringify({ version: 1, records: [{ atWallMs: 1, change: { ...address, interfaceName: 'eth0 x' } }] })],
    ['a relative resolv.conf path', JSON.stringify({ version: 1, records: [{ atWallMs: 1, change: { kind: 'dns', backend: 'file', path: 'etc/resolv.conf', backupPath: '/b', existed: true } }] })],
  ])('moves aside a journal with %s', async (_what, text) => {
    await fs.writeFile(path.join(directory, 'journal.json'), text);
    const clock = new FakeClock();
    const { journal, problem } = await Journal.load(directory, clock);
    expect(journal.isEmpty).toBe(true);
    expect(problem?.movedTo).toBe(path.join(directory, `journal.corrupt-${clock.wallMs()}.json`));
    expect(await fs.readFile(problem!.movedTo, 'utf8')).toBe(text);
  });
});

describe('journal-before-change', () => {
  it('every command that changes the system finds its record already on disk', async () => {
    const env = await makeLinuxTestEnv();
    try {
      const journalSizes: number[] = [];
      const seen: string[] = [];
      env.runner.on(
        (call) => !call.line.includes(' -json '),
        (call) => {
          const file = JSON.parse(readFileSync(path.join(env.stateDir, 'journal.json'), 'utf8')) as { records: unknown[] };
          journalSizes.push(file.records.length);
          seen.push(call.line);
          return {};
        },
      );
      const plan = { interfaceName: 'ferry0', addresses: ['10.64.0.2/32'], mtuBytes: 1420, routes: ['10.99.0.0/16'], dns: null,
        fullTunnel: { ipv4: true, ipv6: false, fwmark: 51820, table: 51820 } };
      expect((await env.configurator().apply(plan)).ok).toBe(true);
      expect(seen).toHaveLength(7);
      // address + link go in one ip -batch, journaled together; the sysctl (7th record) is a file write, not a command
      expect(journalSizes).toEqual([2, 2, 3, 4, 5, 6, 8]);
    } finally {
      await env.cleanup();
    }
  });
});
