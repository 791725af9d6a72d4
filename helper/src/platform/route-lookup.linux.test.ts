// describeRouteTo: the exact `ip route get` it runs and the line it makes of the answer.
import { describe, expect, it } from 'vitest';
import { FakeCommandRunner } from './command-runner.fake.js';
import { describeRouteTo } from './route-lookup.linux.js';

describe('describeRouteTo', () => {
  it('asks with the socket mark and reports interface, source and gateway', async () => {
    const runner = new FakeCommandRunner().on(/route get/, {
      stdout: '[{"dst":"198.18.2.2","gateway":"198.18.1.1","dev":"eth0","prefsrc":"198.18.1.2","flags":[],"uid":0,"cache":[]}]',
    });
    expect(await describeRouteTo(runner, '198.18.2.2', 51820)).toBe('dev eth0 src 198.18.1.2 via 198.18.1.1');
    expect(runner.lines()).toEqual(['ip -json route get 198.18.2.2 mark 51820']);
  });

  it('says unreachable when ip finds no route, and leaves out a missing mark or gateway', async () => {
    const runner = new FakeCommandRunner().fail(/fd18:2::2/, 'RTNETLINK answers: Network is unreachable');
    expect(await describeRouteTo(runner, 'fd18:2::2', 51820)).toBe('unreachable');
    runner.on(/10\.0\.0\.1/, { stdout: '[{"dst":"10.0.0.1","dev":"lan0","prefsrc":"10.0.0.2"}]' });
    expect(await describeRouteTo(runner, '10.0.0.1', null)).toBe('dev lan0 src 10.0.0.2 via -');
    expect(runner.lines()[1]).toBe('ip -json route get 10.0.0.1');
  });

  it('refuses anything but an IP literal', async () => {
    await expect(describeRouteTo(new FakeCommandRunner(), 'vpn.example; reboot', null)).rejects.toThrow(/not an IP/);
  });
});
