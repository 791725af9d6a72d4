// Matching processes to rules: by executable (also a replaced one), by script path for #! scripts, relative to the process's cwd.
import { describe, expect, it } from 'vitest';
import type { SplitRule } from '../../../shared/src/protocol/split.js';
import { FakeHost } from './fake-host.js';
import { RuleMatcher } from './rule-matcher.js';

const binary: SplitRule = { id: 'r-00000000aa', path: '/opt/app/bin/app', requestedPath: '/usr/bin/app', name: null, isScript: false };
const script: SplitRule = { id: 'r-00000000bb', path: '/opt/tool/run.sh', requestedPath: '/usr/bin/tool', name: null, isScript: true };

describe('RuleMatcher', () => {
  const host = new FakeHost()
    .spawn({ pid: 10, exe: '/opt/app/bin/app' })
    .spawn({ pid: 11, exe: '/usr/bin/bash', argv: ['/bin/sh', '/usr/bin/tool', '--flag'] })
    .spawn({ pid: 12, exe: '/usr/bin/bash', argv: ['/bin/bash', '-e', 'run.sh'], cwd: '/opt/tool' })
    .spawn({ pid: 13, exe: '/usr/bin/bash', argv: ['/bin/bash', 'other.sh'] })
    .spawn({ pid: 14, exe: null });
  host.files.set('/usr/bin/tool', '/opt/tool/run.sh');
  host.files.set('/opt/tool/run.sh', '/opt/tool/run.sh');
  const matcher = new RuleMatcher([binary, script], host);

  it('matches by executable', () => {
    expect(matcher.match(10)).toBe(binary);
  });

  it('matches a script by its path in the interpreter arguments, through symlinks and relative to cwd', () => {
    expect(matcher.match(11)).toBe(script);
    expect(matcher.match(12)).toBe(script);
  });

  it('leaves other processes, kernel threads and exited ones alone', () => {
    expect(matcher.match(13)).toBeNull();
    expect(matcher.match(14)).toBeNull();
    expect(matcher.match(99)).toBeNull();
  });

  it('matches nothing without rules', () => {
    expect(new RuleMatcher([], host).match(10)).toBeNull();
  });
});
