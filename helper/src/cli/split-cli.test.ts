// `ferry split …` against an in-process ferryd with a fake split engine: exact text, JSON documents, exit codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../../shared/src/protocol/errors.js';
import { splitListSchema } from '../../../shared/src/protocol/split.js';
import { ROOT, startHarness, type Harness } from '../ipc/server-harness.js';
import { FAKE_RULE, FakeSplitService } from '../split/split-service.fake.js';
import { FakeCliIo } from './fake-cli-io.js';
import { runCli } from './run-cli.js';

let harness: Harness;
let split: FakeSplitService;

beforeEach(async () => {
  split = new FakeSplitService();
  harness = await startHarness({}, split);
});

afterEach(async () => {
  await harness.close();
});

async function ferry(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = new FakeCliIo({ FERRY_SOCKET: harness.socketPath, XDG_DATA_DIRS: '/usr/share:relative:/opt/share' });
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

const EXCLUDE_TEXT = 'mode: exclude (listed apps bypass the tunnel)\nenforced: yes\nwatcher: polling /proc\n';

describe('ferry split', () => {
  it.each<[string[], string]>([
    [['split'], 'mode: off\n'],
    [['split', 'status'], 'mode: off\n'],
    [['split', 'mode', 'exclude'], EXCLUDE_TEXT],
    [['split', 'mode', 'include'], 'mode: include (only listed apps use the tunnel)\nenforced: yes\nwatcher: polling /proc\n'],
    [['split', 'add', '/usr/bin/firefox', '--name', 'Firefox'], 'added rule r-0123456789: /usr/lib/firefox/firefox (added as /usr/bin/firefox)\n'],
    [['split', 'remove', 'r-0123456789'], 'removed rule r-0123456789\n'],
    [['split', 'remove', '/usr/bin/firefox'], 'removed rule /usr/bin/firefox\n'],
    [['split', 'pid', 'add', '4242'], 'added process 4242\n'],
    [['split', 'pid', 'remove', '4242'], 'removed process 4242\n'],
  ])('%j prints exactly its line(s)', async (argv, text) => {
    expect(await ferry(...argv)).toEqual({ code: 0, out: text, err: '' });
  });

  it('sends what was asked, with the caller for process moves', async () => {
    await ferry('split', 'add', '/usr/bin/firefox');
    await ferry('split', 'remove', 'r-0123456789');
    await ferry('split', 'remove', '/usr/bin/firefox');
    await ferry('split', 'pid', 'add', '4242');
    expect(split.calls.map(({ method, args }) => [method, ...args])).toEqual([
      ['addRule', '/usr/bin/firefox', null],
      ['removeRule', { id: 'r-0123456789' }],
      ['removeRule', { path: '/usr/bin/firefox' }],
      ['addPid', 4242, ROOT],
    ]);
  });

  it('lists rules with their processes and counters, as text and as one JSON document', async () => {
    await ferry('split', 'mode', 'exclude');
    split.rules = [FAKE_RULE, { ...FAKE_RULE, id: 'r-abcdefabcd', path: '/opt/tool', requestedPath: '/opt/tool', name: null, isScript: true }];
    split.processes = [
      { pid: 4242, exe: '/usr/lib/firefox/firefox', command: 'firefox', uid: 1000 },
      { pid: 4243, exe: null, command: 'Web Content', uid: 1000 },
    ];
    expect(await ferry('split', 'list')).toEqual({
      code: 0,
      err: '',
      out:
        EXCLUDE_TEXT +
        'r-0123456789  Firefox  /usr/lib/firefox/firefox (added as /usr/bin/firefox)\n' +
        '    tunnel: 0 B sent, 0 B received; direct: 1.5 KiB sent, 2 MiB received\n' +
        '    caught: 4242 firefox (uid 1000) /usr/lib/firefox/firefox\n' +
        '            4243 Web Content (uid 1000)\n' +
        'r-abcdefabcd  /opt/tool [script]\n' +
        '    tunnel: 0 B sent, 0 B received; direct: 1.5 KiB sent, 2 MiB received\n' +
        '    caught: 4242 firefox (uid 1000) /usr/lib/firefox/firefox\n' +
        '            4243 Web Content (uid 1000)\n',
    });
    const json = await ferry('--json', 'split', 'list');
    expect(json.out.trimEnd().split('\n')).toHaveLength(1);
    expect(splitListSchema.parse(JSON.parse(json.out)).rules[0]?.counters).toEqual({ tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 1536, directRxBytes: 2_097_152 });
  });

  it('says when there are no rules', async () => {
    expect((await ferry('split', 'list')).out).toBe('mode: off\nrules: none\n');
  });

  it('shows a problem in `ferry split` and `ferry status`', async () => {
    split.current = { mode: 'exclude', enforced: false, watcher: 'stopped', problem: { reason: 'no-cgroup2', message: 'cgroup v2 is not mounted' } };
    expect((await ferry('split')).out).toBe('mode: exclude (listed apps bypass the tunnel)\nenforced: no\nwatcher: stopped\nproblem: cgroup v2 is not mounted (no-cgroup2)\n');
    expect((await ferry('status')).out).toBe('state: disconnected\nsplit tunnelling: exclude (not enforced: cgroup v2 is not mounted)\n');
    split.current = { mode: 'include', enforced: true, watcher: 'process-connector', problem: null };
    expect((await ferry('status')).out).toBe('state: disconnected\nsplit tunnelling: include (enforced)\n');
  });

  it('reports refusals in one line, and as a JSON error document', async () => {
    split.failure = fail('INVALID_PARAMS', 'not an absolute path: "bin/app"', { reason: 'path-relative' });
    expect(await ferry('split', 'add', 'bin/app')).toEqual({ code: 1, out: '', err: 'ferry: not an absolute path: "bin/app"\n' });
    split.failure = fail('INVALID_PARAMS', 'no such process: 99', { reason: 'pid-missing' });
    const json = await ferry('--json', 'split', 'pid', 'add', '99');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({ error: { code: 'PROCESS_NOT_FOUND', message: 'no such process: 99', details: { reason: 'pid-missing' } } });
  });

  it.each<[string[], string]>([
    [['split', 'mode', 'sideways'], 'ferry: unknown mode "sideways" (expected off, exclude or include)\n'],
    [['split', 'pid', 'add', 'firefox'], 'ferry: not a process id: "firefox"\n'],
    [['split', 'pid', 'add', '0'], 'ferry: not a process id: "0"\n'],
  ])('%j is a usage error before ferryd is asked', async (argv, err) => {
    expect(await ferry(...argv)).toEqual({ code: 2, out: '', err });
    expect(split.calls).toEqual([]);
  });

  it('lists installed apps, passing the user\'s absolute XDG_DATA_DIRS', async () => {
    const seen: unknown[] = [];
    split.apps = async (uid, dataDirs) => {
      seen.push([uid, dataDirs]);
      return ok([
        { id: 'firefox.desktop', name: 'Firefox', requestedPath: '/usr/bin/firefox', path: FAKE_RULE.path, icon: null, ruleId: FAKE_RULE.id },
        { id: 'gimp.desktop', name: 'GNU Image Manipulation Program', requestedPath: '/usr/bin/gimp', path: '/usr/bin/gimp-2.10', icon: null, ruleId: null },
      ]);
    };
    expect((await ferry('split', 'apps')).out).toBe('* Firefox                         /usr/bin/firefox\n  GNU Image Manipulation Program  /usr/bin/gimp\n');
    expect(seen).toEqual([[0, ['/usr/share', '/opt/share']]]);
  });

  it('launches a command after ferryd moved the CLI, and exits with its code', async () => {
    expect(await ferry('split', 'launch', '--', process.execPath, '-e', 'process.exit(3)')).toEqual({ code: 3, out: '', err: '' });
    expect(split.calls).toEqual([{ method: 'launch', args: [ROOT, undefined] }]);
    split.failure = fail('INVALID_PARAMS', 'split tunnelling is off: set the mode to exclude or include first', { reason: 'split-off' });
    expect(await ferry('split', 'launch', '--', process.execPath, '-e', 'process.exit(3)')).toEqual({
      code: 1,
      out: '',
      err: 'ferry: split tunnelling is off: set the mode to exclude or include first\n',
    });
  });
});
