// defaultMtuFor: the route's mtu metric or its device's MTU, minus 80; 1420 when unknown (wireguard.md §5.4).
import { describe, expect, it } from 'vitest';
import { FakeCommandRunner } from './command-runner.fake.js';
import { defaultMtuFor } from './mtu.linux.js';

describe('defaultMtuFor', () => {
  it('uses the mtu metric of the route to the endpoint', async () => {
    const runner = new FakeCommandRunner().on('ip -json -4 route get 198.51.100.7', {
      stdout: '[{"dst":"198.51.100.7","gateway":"192.0.2.2","dev":"eth0","metrics":[{"mtu":1400}]}]',
    });
    expect(await defaultMtuFor('198.51.100.7', runner)).toBe(1320);
    expect(runner.lines()).toEqual(['ip -json -4 route get 198.51.100.7']);
  });

  it('falls back to the MTU of the device the route leaves by (PPPoE 1492 → 1412)', async () => {
    const runner = new FakeCommandRunner()
      .on('ip -json -6 route get 2001:db8::9', { stdout: '[{"dst":"2001:db8::9","dev":"ppp0","metric":256}]' })
      .on('ip -json link show dev ppp0', { stdout: '[{"ifname":"ppp0","mtu":1492}]' });
    expect(await defaultMtuFor('2001:DB8:0::9', runner)).toBe(1412);
    expect(runner.lines()).toEqual(['ip -json -6 route get 2001:db8::9', 'ip -json link show dev ppp0']);
  });

  it('is 1420 when there is no route, the output is garbage, or the address is not an IP', async () => {
    const unreachable = new FakeCommandRunner().fail(/route get/, 'RTNETLINK answers: Network is unreachable');
    expect(await defaultMtuFor('203.0.113.1', unreachable)).toBe(1420);
    const garbage = new FakeCommandRunner().on(/route get/, { stdout: 'not json' });
    expect(await defaultMtuFor('203.0.113.1', garbage)).toBe(1420);
    const none = new FakeCommandRunner();
    expect(await defaultMtuFor('vpn.example.com', none)).toBe(1420);
    expect(none.calls).toEqual([]);
  });
});
