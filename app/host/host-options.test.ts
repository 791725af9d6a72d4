// Tests of the browser host's command line.
import { describe, expect, it } from 'vitest';
import { parseHostOptions } from './host-options.js';

describe('parseHostOptions', () => {
  it('takes the socket from --socket, else FERRY_SOCKET, else the default', () => {
    const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
      const parsed = parseHostOptions(argv, env);
      return parsed.ok === true ? parsed.options.socketPath : parsed;
    };
    expect(parse(['--socket', '/tmp/a.sock'], { FERRY_SOCKET: '/tmp/b.sock' })).toBe('/tmp/a.sock');
    expect(parse(['--socket=/tmp/c.sock'])).toBe('/tmp/c.sock');
    expect(parse([], { FERRY_SOCKET: '/tmp/b.sock' })).toBe('/tmp/b.sock');
    expect(parse([])).toBe('/run/ferry/ferryd.sock');
  });

  it('reads the port and the test-only ownership override, and refuses what it does not know', () => {
    const parsed = parseHostOptions(['--port', '8080'], { FERRY_TEST_ALLOW_NON_ROOT_SOCKET: '1' });
    expect(parsed).toMatchObject({ ok: true, options: { port: 8080, allowNonRootSocket: true } });
    expect(parseHostOptions(['--port', '70000'], {})).toMatchObject({ ok: false });
    expect(parseHostOptions(['--bogus'], {})).toEqual({ ok: false, message: 'unknown option --bogus' });
    expect(parseHostOptions(['--socket'], {})).toEqual({ ok: false, message: '--socket needs a value' });
    expect(parseHostOptions(['--help'], {})).toEqual({ ok: 'help' });
  });
});
