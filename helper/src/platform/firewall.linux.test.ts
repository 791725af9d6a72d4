// LinuxFirewall with a fake runner: one nft transaction per set, the policy persisted first, failures leave the old block, adopt touches nothing.
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../time/fake-clock.js';
import { FakeCommandRunner } from './command-runner.fake.js';
import type { FirewallPolicy } from './firewall.js';
import { FakeFirewall } from './firewall.fake.js';
import { LinuxFirewall } from './firewall.linux.js';
import { firewallRuleset } from './firewall-ruleset.linux.js';
import { FIREWALL_STATE_FILE_NAME } from './firewall-state.js';
import { checkFirewallPolicy } from './firewall-validation.js';
import { systemChangeSchema } from './journal.js';

const policyA: FirewallPolicy = {
  reason: 'killSwitch',
  tunnelInterface: 'ferry0',
  endpoints: [{ address: '198.51.100.7', port: 51820 }],
  fwmark: 51820,
  allowLan: false,
  tunnelsIpv6: false,
  dnsServers: ['10.64.0.1'],
};
const policyB: FirewallPolicy = { ...policyA, allowLan: true };

let stateDir: string;
let runner: FakeCommandRunner;
let firewall: LinuxFirewall;

beforeEach(async () => {
  stateDir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-firewall-')), 'state');
  runner = new FakeCommandRunner();
  firewall = new LinuxFirewall({ runner, stateDir, clock: new FakeClock() });
});

afterEach(async () => {
  await fs.rm(path.dirname(stateDir), { recursive: true, force: true });
});

async function persisted(): Promise<unknown> {
  try {
    return (JSON.parse(await fs.readFile(path.join(stateDir, FIREWALL_STATE_FILE_NAME), 'utf8')) as { policy: unknown }).policy;
  } catch {
    return null;
  }
}

function scriptOf(policy: FirewallPolicy): string {
  const checked = checkFirewallPolicy(policy);
  if (!checked.ok) throw new Error('bad test policy');
  return firewallRuleset(checked.policy);
}

describe('LinuxFirewall.set', () => {
  it('persists the policy, then replaces the table with exactly one nft transaction', async () => {
    const persistedAtNft: unknown[] = [];
    runner.on('nft -f -', () => {
      const file = readFileSync(path.join(stateDir, FIREWALL_STATE_FILE_NAME), 'utf8');
      persistedAtNft.push((JSON.parse(file) as { policy: unknown }).policy);
      return {};
    });
    expect(await firewall.set(policyA)).toEqual({ ok: true, value: undefined });
    expect(await firewall.set(policyB)).toEqual({ ok: true, value: undefined });
    expect(runner.calls.map((call) => [call.line, call.input])).toEqual([
      ['nft -f -', scriptOf(policyA)],
      ['nft -f -', scriptOf(policyB)],
    ]);
    expect(persistedAtNft).toEqual([policyA, policyB]);
    expect(await persisted()).toEqual(policyB);
    expect(firewall.current()).toEqual(policyB);
    const mode = (await fs.stat(path.join(stateDir, FIREWALL_STATE_FILE_NAME))).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('refuses an invalid policy without running anything', async () => {
    const result = await firewall.set({ ...policyA, tunnelInterface: 'x"; flush ruleset' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('SYSTEM_ERROR');
    expect(runner.calls).toEqual([]);
    expect(await persisted()).toBeNull();
  });

  it('when nft refuses, the previous policy stays in force and on disk', async () => {
    await firewall.set(policyA);
    runner.fail('nft -f -', 'Error: Could not process rule: No buffer space available');
    const result = await firewall.set(policyB);
    expect(result).toMatchObject({ ok: false, error: { code: 'SYSTEM_ERROR', message: expect.stringContaining('No buffer space') } });
    expect(firewall.current()).toEqual(policyA);
    expect(await persisted()).toEqual(policyA);
  });

  it('when nft refuses the first policy, nothing is left on disk', async () => {
    runner.fail('nft -f -', 'Error: syntax error');
    expect((await firewall.set(policyA)).ok).toBe(false);
    expect(firewall.current()).toBeNull();
    expect(await persisted()).toBeNull();
  });

  it('set(null) deletes the table and forgets the policy; a table already gone is fine', async () => {
    await firewall.set(policyA);
    runner.clear();
    runner.fail('nft delete table inet ferry', 'Error: Could not process rule: No such file or directory');
    expect(await firewall.set(null)).toEqual({ ok: true, value: undefined });
    expect(runner.lines()).toEqual(['nft delete table inet ferry']);
    expect(firewall.current()).toBeNull();
    expect(await persisted()).toBeNull();
  });

  it('set(null) that nft refuses for another reason keeps the policy, so it can be retried', async () => {
    await firewall.set(policyA);
    runner.fail('nft delete table inet ferry', 'Error: Operation not permitted');
    expect((await firewall.set(null)).ok).toBe(false);
    expect(firewall.current()).toEqual(policyA);
    expect(await persisted()).toEqual(policyA);
  });
});

describe('LinuxFirewall.adopt', () => {
  it("takes over a crashed ferryd's policy without touching the kernel", async () => {
    await firewall.set(policyA);
    const restarted = new LinuxFirewall({ runner, stateDir, clock: new FakeClock() });
    runner.clear();
    expect(restarted.current()).toBeNull();
    expect(await restarted.adopt()).toEqual({ ok: true, value: policyA });
    expect(restarted.current()).toEqual(policyA);
    expect(runner.calls).toEqual([]);
  });

  it('reports nothing when no block was left', async () => {
    expect(await firewall.adopt()).toEqual({ ok: true, value: null });
  });

  it('moves a corrupt state file aside and says so', async () => {
    await fs.mkdir(stateDir, { recursive: true });
    await fs.writeFile(path.join(stateDir, FIREWALL_STATE_FILE_NAME), '{"version":1,"policy":{"reason":"x"}}');
    const result = await firewall.adopt();
    expect(result.ok).toBe(false);
    expect((await fs.readdir(stateDir)).some((name) => name.startsWith('firewall.corrupt-'))).toBe(true);
    expect(runner.calls).toEqual([]);
  });
});

describe('LinuxFirewall.counters', () => {
  it('reads the four named counters', async () => {
    const json = JSON.stringify({
      nftables: [
        { metainfo: { version: '1.0.6' } },
        { counter: { family: 'inet', name: 'dropped_output', table: 'ferry', handle: 1, packets: 3, bytes: 180 } },
        { counter: { family: 'inet', name: 'dropped_dns', table: 'ferry', handle: 4, packets: 2, bytes: 120 } },
      ],
    });
    runner.on('nft -j list counters table inet ferry', { stdout: json });
    expect(await firewall.counters()).toEqual({
      ok: true,
      value: {
        outbound: { packets: 3, bytes: 180 },
        inbound: { packets: 0, bytes: 0 },
        forwarded: { packets: 0, bytes: 0 },
        dns: { packets: 2, bytes: 120 },
      },
    });
  });

  it('is null when there is no table', async () => {
    runner.fail('nft -j list counters table inet ferry', 'Error: No such file or directory');
    expect(await firewall.counters()).toEqual({ ok: true, value: null });
  });
});

describe('the network journal and the kill switch table', () => {
  it("cannot journal (and so never undoes) the kill switch's own table", () => {
    expect(systemChangeSchema.safeParse({ kind: 'nft-table', family: 'inet', name: 'ferry' }).success).toBe(false);
    expect(systemChangeSchema.safeParse({ kind: 'nft-table', family: 'inet', name: 'ferry-mark-ferry0' }).success).toBe(true);
  });
});

describe('FakeFirewall', () => {
  it('records policies, checks them, fails on request and reports what was left behind', async () => {
    const fake = new FakeFirewall();
    fake.leftBehind = policyA;
    expect(await fake.adopt()).toEqual({ ok: true, value: policyA });
    fake.failNextSet();
    expect((await fake.set(policyB)).ok).toBe(false);
    expect(fake.current()).toEqual(policyA);
    expect((await fake.set({ ...policyB, fwmark: 0 })).ok).toBe(false);
    expect(await fake.set(null)).toEqual({ ok: true, value: undefined });
    expect(fake.history).toEqual([policyB, { ...policyB, fwmark: 0 }, null]);
    expect(await fake.counters()).toEqual({ ok: true, value: null });
  });
});
