// Table-driven tests of ferry's command-line parsing.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOCKET_PATH } from '../../../shared/src/protocol/version.js';
import { parseCommandLine } from './args.js';
import { COMMANDS } from './command-table.js';

const parse = (argv: string[], env: Record<string, string> = {}) => parseCommandLine(argv, env, COMMANDS);

describe('parseCommandLine', () => {
  it.each<[string[], string, Record<string, unknown>, string[]]>([
    [['status'], 'status', {}, []],
    [['--json', 'status'], 'status', { json: true }, []],
    [['status', '--json'], 'status', { json: true }, []],
    [['--socket', '/tmp/s', 'profile', 'list'], 'profile list', { socket: '/tmp/s' }, []],
    [['--socket=/tmp/s', 'connect', 'home', '--wait', '--timeout', '5'], 'connect', { socket: '/tmp/s', wait: true, timeout: '5' }, ['home']],
    [['profile', 'import', 'home.conf', '--name', 'work'], 'profile import', { name: 'work' }, ['home.conf']],
    [['profile', 'import', '--name', 'work', '-'], 'profile import', { name: 'work' }, ['-']],
    [['profile', 'create', 'x', '--address', '10.0.0.2/32', '--address', 'fd00::2/128'], 'profile create', { address: ['10.0.0.2/32', 'fd00::2/128'] }, ['x']],
    [['profile', 'rename', 'a', 'b'], 'profile rename', {}, ['a', 'b']],
    [['settings', 'set', 'lockdown', 'true'], 'settings set', {}, ['lockdown', 'true']],
    [['settings', 'get'], 'settings get', {}, []],
    [['logs', '-f', '--level', 'warn'], 'logs', { follow: true, level: 'warn' }, []],
    [['stats', '--follow'], 'stats', { follow: true }, []],
    [['profile', 'show', '--', '-odd'], 'profile show', {}, ['-odd']],
  ])('%j → %s', (argv, path, options, positionals) => {
    const result = parse(argv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.command?.path.join(' ')).toBe(path);
    expect(result.value.options).toMatchObject(options);
    expect(result.value.positionals).toEqual(positionals);
  });

  it('takes the socket from --socket, then FERRY_SOCKET, then the default', () => {
    const socketOf = (argv: string[], env: Record<string, string>) => {
      const result = parse(argv, env);
      return result.ok ? result.value.socketPath : null;
    };
    expect(socketOf(['status'], {})).toBe(DEFAULT_SOCKET_PATH);
    expect(socketOf(['status'], { FERRY_SOCKET: '/env.sock' })).toBe('/env.sock');
    expect(socketOf(['--socket', '/flag.sock', 'status'], { FERRY_SOCKET: '/env.sock' })).toBe('/flag.sock');
  });

  it.each<[string[], string]>([
    [[], 'no command given'],
    [['bogus'], 'unknown command "bogus"'],
    [['tunnel'], 'unknown command "tunnel"'],
    [['split', 'frobnicate'], 'unknown command "split frobnicate"'],
    [['split', 'pid'], '"split pid" needs a subcommand'],
    [['split', 'mode'], 'missing MODE'],
    [['profile'], '"profile" needs a subcommand'],
    [['profile', 'frobnicate'], 'unknown command "profile frobnicate"'],
    [['status', 'now'], 'unexpected argument "now"'],
    [['profile', 'show'], 'missing NAME'],
    [['profile', 'rename', 'a'], 'missing NEW'],
    [['settings', 'set', 'lockdown'], 'missing VALUE'],
    [['status', '--wait'], "Unknown option '--wait'"],
    [['connect', 'home', '--timeout'], "Option '--timeout <value>' argument missing"],
  ])('%j is a usage error: %s', (argv, message) => {
    const result = parse(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('accepts --help with or without a command, skipping argument checks', () => {
    const bare = parse(['--help']);
    expect(bare.ok && bare.value.help && bare.value.command === null).toBe(true);
    const withCommand = parse(['profile', 'show', '-h']);
    expect(withCommand.ok && withCommand.value.help && withCommand.value.command?.path.join(' ')).toBe('profile show');
  });
});
