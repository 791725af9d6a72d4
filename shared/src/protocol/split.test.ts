// The split-tunnelling protocol schemas: what each method accepts and what split.list returns.
import { describe, expect, it } from 'vitest';
import { splitListSchema, splitMethods } from './split.js';

describe('splitMethods params', () => {
  it('accepts the documented shapes and refuses others', () => {
    expect(splitMethods['split.setMode'].params.safeParse({ mode: 'exclude' }).success).toBe(true);
    expect(splitMethods['split.setMode'].params.safeParse({ mode: 'bypass' }).success).toBe(false);
    expect(splitMethods['split.addRule'].params.safeParse({ path: '/usr/bin/firefox', name: 'Firefox' }).success).toBe(true);
    expect(splitMethods['split.addRule'].params.safeParse({ path: '' }).success).toBe(false);
    expect(splitMethods['split.removeRule'].params.safeParse({ id: 'r-0123456789' }).success).toBe(true);
    expect(splitMethods['split.removeRule'].params.safeParse({ path: '/usr/bin/firefox' }).success).toBe(true);
    expect(splitMethods['split.removeRule'].params.safeParse({ id: 'firefox' }).success).toBe(false);
    expect(splitMethods['split.pidAdd'].params.safeParse({ pid: 0 }).success).toBe(false);
    expect(splitMethods['split.launch'].params.safeParse({}).success).toBe(true);
    expect(splitMethods['split.launch'].params.safeParse({ pid: 1234, extra: 1 }).success).toBe(false);
  });

  it('marks reads and writes', () => {
    const access = Object.fromEntries(Object.entries(splitMethods).map(([name, method]) => [name, method.access]));
    expect(access).toEqual({
      'split.get': 'read',
      'split.setMode': 'write',
      'split.addRule': 'write',
      'split.removeRule': 'write',
      'split.list': 'read',
      'split.pidAdd': 'write',
      'split.pidRemove': 'write',
      'split.launch': 'write',
      'split.apps': 'read',
      'split.icon': 'read',
    });
  });
});

describe('splitListSchema', () => {
  it('parses a list with a rule, its processes and counters', () => {
    const counters = { tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 828, directRxBytes: 4096 };
    const list = {
      mode: 'exclude',
      enforced: true,
      watcher: 'process-connector',
      problem: null,
      rules: [
        {
          id: 'r-0123456789',
          path: '/usr/lib/firefox/firefox',
          requestedPath: '/usr/bin/firefox',
          name: 'Firefox',
          isScript: false,
          processes: [{ pid: 4242, exe: '/usr/lib/firefox/firefox', command: 'firefox', uid: 1000 }],
          counters,
        },
      ],
      manual: { processes: [], counters },
    };
    expect(splitListSchema.parse(list)).toEqual(list);
  });
});
