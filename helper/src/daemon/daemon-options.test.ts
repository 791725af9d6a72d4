import { describe, expect, it } from 'vitest';
import { parseDaemonOptions } from './daemon-options.js';

describe('parseDaemonOptions', () => {
  it.each([
    { argv: [], env: {}, expected: { ok: true, options: { socketPath: '/run/ferry/ferryd.sock', stateDir: '/var/lib/ferry', logLevel: null } } },
    { argv: [], env: { FERRY_SOCKET: '/tmp/f.sock' }, expected: { ok: true, options: { socketPath: '/tmp/f.sock', stateDir: '/var/lib/ferry', logLevel: null } } },
    {
      argv: ['--socket', '/tmp/a.sock', '--state-dir', '/tmp/state', '--log-level', 'debug'],
      env: { FERRY_SOCKET: '/tmp/f.sock' },
      expected: { ok: true, options: { socketPath: '/tmp/a.sock', stateDir: '/tmp/state', logLevel: 'debug' } },
    },
    { argv: ['--help'], env: {}, expected: { ok: 'help' } },
  ])('parses $argv', ({ argv, env, expected }) => {
    expect(parseDaemonOptions(argv, env)).toEqual(expected);
  });

  it.each([
    { argv: ['--log-level', 'loud'], message: /unknown log level "loud"/ },
    { argv: ['--bogus'], message: /bogus/ },
    { argv: ['extra'], message: /extra/ },
  ])('refuses $argv', ({ argv, message }) => {
    const parsed = parseDaemonOptions(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.message).toMatch(message);
  });
});
