// The execFile runner (no shell: metacharacters stay literal) and the fake runner's scripting.
import { describe, expect, it } from 'vitest';
import { CommandFailedError, createExecFileRunner, formatCommand } from './command-runner.js';
import { FakeCommandRunner } from './command-runner.fake.js';

describe('createExecFileRunner', () => {
  const runner = createExecFileRunner();

  it('passes arguments verbatim, never through a shell', async () => {
    const result = await runner.run('printf', ['%s|', '$(id -u)', 'a b', ';true']);
    expect(result).toEqual({ code: 0, stdout: '$(id -u)|a b|;true|', stderr: '' });
  });

  it('feeds input on stdin', async () => {
    expect((await runner.run('cat', [], { input: 'table inet x {}\n' })).stdout).toBe('table inet x {}\n');
  });

  it('throws CommandFailedError on a non-zero exit unless failure is allowed', async () => {
    await expect(runner.run('sh', ['-c', 'echo oops >&2; exit 3'])).rejects.toThrow(CommandFailedError);
    expect(await runner.run('sh', ['-c', 'echo oops >&2; exit 3'], { allowFailure: true })).toEqual({ code: 3, stdout: '', stderr: 'oops\n' });
  });

  it('reports a program that does not exist as exit 127', async () => {
    const result = await runner.run('/nonexistent/ferry-no-such-program', [], { allowFailure: true });
    expect(result.code).toBe(127);
    expect(result.stderr).toContain('ENOENT');
  });
});

describe('FakeCommandRunner', () => {
  it('records calls, answers from the newest matching script, and throws like the real one', async () => {
    const fake = new FakeCommandRunner().on(/^ip/, { stdout: 'old' }).on('ip -json link', { stdout: 'new' }).fail('nft -f -', 'boom', 1);
    expect((await fake.run('ip', ['-json', 'link'])).stdout).toBe('new');
    expect((await fake.run('ip', ['route'])).stdout).toBe('old');
    await expect(fake.run('nft', ['-f', '-'], { input: 'x' })).rejects.toThrow('boom');
    expect((await fake.run('nft', ['-f', '-'])).code).toBe(0);
    expect(fake.lines()).toEqual(['ip -json link', 'ip route', 'nft -f -', 'nft -f -']);
    expect(fake.lines({ withoutReads: true })).toEqual(['ip route', 'nft -f -', 'nft -f -']);
    expect(fake.calls[2]?.input).toBe('x');
  });

  it('formats arguments with spaces unambiguously', () => {
    expect(formatCommand('resolvconf', ['-a', 'a b', ''])).toBe('resolvconf -a "a b" ""');
  });
});
