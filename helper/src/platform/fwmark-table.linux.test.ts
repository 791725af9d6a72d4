// chooseFwmarkTable: wg-quick's 51820-upward search for a routing table with no routes.
import { describe, expect, it } from 'vitest';
import { FakeCommandRunner } from './command-runner.fake.js';
import { chooseFwmarkTable } from './fwmark-table.linux.js';

const NO_SUCH_TABLE = 'Error: ipv4: FIB table does not exist.\nDump terminated';

describe('chooseFwmarkTable', () => {
  it('takes 51820 when neither family has routes there (an unused table makes ip exit 2)', async () => {
    const runner = new FakeCommandRunner().on(/route show table/, { code: 2, stdout: '[', stderr: NO_SUCH_TABLE });
    expect(await chooseFwmarkTable(runner)).toBe(51820);
    expect(runner.lines()).toEqual(['ip -json -4 route show table 51820', 'ip -json -6 route show table 51820']);
  });

  it('goes up while a table has IPv4 or IPv6 routes', async () => {
    const runner = new FakeCommandRunner()
      .on(/route show table/, { code: 2, stderr: NO_SUCH_TABLE })
      .on('ip -json -4 route show table 51820', { stdout: '[{"dst":"default","dev":"wg0","table":"51820"}]' })
      .on('ip -json -4 route show table 51821', { stdout: '[]' })
      .on('ip -json -6 route show table 51821', { stdout: '[{"dst":"default","dev":"wg1","table":"51821"}]' });
    expect(await chooseFwmarkTable(runner)).toBe(51822);
    expect(runner.lines()).toEqual([
      'ip -json -4 route show table 51820',
      'ip -json -6 route show table 51820',
      'ip -json -4 route show table 51821',
      'ip -json -6 route show table 51821',
      'ip -json -4 route show table 51822',
      'ip -json -6 route show table 51822',
    ]);
  });
});
