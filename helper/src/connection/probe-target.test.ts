import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../shared/src/net/ip-address.js';
import { profileConfig } from './connection-test-setup.js';
import { probeAddresses } from './probe-target.js';

function describeProbe(result: ReturnType<typeof probeAddresses>): string | null {
  return result ? `${formatIp(result.source)} -> ${formatIp(result.destination)}` : null;
}

describe('probeAddresses', () => {
  it.each([
    { name: 'the DNS server inside AllowedIPs', allowed: ['0.0.0.0/0'], extra: {}, setting: null, expected: '10.66.0.2 -> 10.66.0.1' },
    {
      name: 'the first host of the tunnel network when DNS is outside the tunnel',
      allowed: ['10.66.0.0/24'],
      extra: { addresses: ['10.66.0.5/24'], dns: ['9.9.9.9'] },
      setting: null,
      expected: '10.66.0.5 -> 10.66.0.1',
    },
    {
      name: 'the second host when the first one is ours',
      allowed: ['10.66.0.0/24'],
      extra: { addresses: ['10.66.0.1/24'], dns: [] },
      setting: null,
      expected: '10.66.0.1 -> 10.66.0.2',
    },
    {
      name: 'IPv6 when that is all there is',
      allowed: ['::/0'],
      extra: { addresses: ['fd66::2/64'], dns: [] },
      setting: null,
      expected: 'fd66::2 -> fd66::1',
    },
    { name: 'the setting first', allowed: ['0.0.0.0/0'], extra: {}, setting: '10.99.0.9', expected: '10.66.0.2 -> 10.99.0.9' },
    { name: 'nothing when the setting says off', allowed: ['0.0.0.0/0'], extra: {}, setting: 'off', expected: null },
    {
      name: 'for a host address, the first host of the AllowedIPs network that holds it',
      allowed: ['10.0.0.0/8', '10.66.0.0/24', '0.0.0.0/0'],
      extra: { addresses: ['10.66.0.2/32'], dns: [] },
      setting: null,
      expected: '10.66.0.2 -> 10.66.0.1',
    },
    {
      name: 'nothing for host-only addresses that no AllowedIPs network holds, and no DNS in the tunnel',
      allowed: ['0.0.0.0/0', '::/0'],
      extra: { addresses: ['10.66.0.2/32'], dns: [] },
      setting: null,
      expected: null,
    },
    { name: 'nothing for a target of a family the tunnel has no address in', allowed: ['0.0.0.0/0'], extra: { addresses: ['10.66.0.2/32'] }, setting: 'fd00::1', expected: null },
  ])('$name', ({ allowed, extra, setting, expected }) => {
    expect(describeProbe(probeAddresses(profileConfig(allowed, extra), setting))).toBe(expected);
  });
});
