// The kill switch against a real kernel, in namespaces this test creates (needs root; every nft command runs inside them, never in the root namespace).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { killSwitchPolicy, type FirewallChildMode, type Observation } from './firewall.linux.real-child.js';

const CHILD = fileURLToPath(new URL('./firewall.linux.real-child.ts', import.meta.url));
const REPO_ROOT = path.resolve(path.dirname(CHILD), '../../..');

/** Counts what reaches a peer namespace: the judge of every phase. */
const PROBE_TABLE = `table inet probe {
	counter udp9 {
	}
	counter udp6 {
	}
	counter udp51820 {
	}
	counter dns {
	}
	counter dns_other {
	}
	counter ping {
	}
	chain input {
		type filter hook input priority filter; policy accept;
		meta nfproto ipv4 udp dport 9 counter name "udp9"
		meta nfproto ipv6 udp dport 9 counter name "udp6"
		udp dport 51820 counter name "udp51820"
		ip daddr 10.64.0.9 udp dport 53 counter name "dns_other"
		ip daddr != 10.64.0.9 udp dport 53 counter name "dns"
		icmp type echo-request counter name "ping"
	}
}
`;

interface FirewallLab {
  client: string;
  wan: string;
  lan: string;
  tunnel: string;
  stateDir: string;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Gives `namespace` the veth end `name` with `addresses`, up. */
function configure(namespace: string, name: string, addresses: string[]): void {
  for (const address of addresses) ip('-n', namespace, 'address', 'add', address, 'dev', name, ...(address.includes(':') ? ['nodad'] : []));
  ip('-n', namespace, 'link', 'set', name, 'up');
}

/**
 * client ── wan0/wan1 ── wan (203.0.113.1: the endpoint and an outside resolver; 2001:db8:1::1)
 *        ── lan0/lan1 ── lan (192.168.77.1)
 *        ── ftun0/ftun1 ── tunnel (10.64.0.1 the profile's resolver, 10.64.0.9 another one): stands in for the tunnel
 */
function buildLab(lab: FirewallLab): void {
  for (const namespace of [lab.client, lab.wan, lab.lan, lab.tunnel]) {
    ip('netns', 'add', namespace);
    ip('-n', namespace, 'link', 'set', 'lo', 'up');
  }
  const links: [string, string, string, string[], string[]][] = [
    ['wan0', 'wan1', lab.wan, ['203.0.113.2/24', '2001:db8:1::2/64'], ['203.0.113.1/24', '2001:db8:1::1/64']],
    ['lan0', 'lan1', lab.lan, ['192.168.77.2/24'], ['192.168.77.1/24']],
    ['ftun0', 'ftun1', lab.tunnel, ['10.64.0.2/24'], ['10.64.0.1/24', '10.64.0.9/24']],
  ];
  for (const [mine, theirs, peer, myAddresses, theirAddresses] of links) {
    ip('-n', lab.client, 'link', 'add', mine, 'type', 'veth', 'peer', 'name', theirs, 'netns', peer);
    configure(lab.client, mine, myAddresses);
    configure(peer, theirs, theirAddresses);
  }
  ip('-n', lab.client, 'route', 'add', 'default', 'via', '203.0.113.1');
  ip('-n', lab.client, '-6', 'route', 'add', 'default', 'via', '2001:db8:1::1');
  for (const peer of [lab.wan, lab.lan, lab.tunnel]) execFileSync('ip', ['netns', 'exec', peer, 'nft', '-f', '-'], { input: PROBE_TABLE });
}

async function withLab(test: (lab: FirewallLab) => Promise<void>): Promise<void> {
  const client = `ferry-fw-${randomBytes(4).toString('hex')}`;
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ferry-fw-'));
  const lab = { client, wan: `${client}-wan`, lan: `${client}-lan`, tunnel: `${client}-tun`, stateDir: path.join(directory, 'state') };
  try {
    buildLab(lab);
    await test(lab);
  } finally {
    for (const namespace of [lab.client, lab.wan, lab.lan, lab.tunnel]) {
      try {
        execFileSync('ip', ['netns', 'delete', namespace], { stdio: 'ignore' });
      } catch {
        // never created
      }
    }
    await fs.rm(directory, { recursive: true, force: true });
  }
}

type ChildLine = Observation & { phase: string };

/** Runs the child inside the client namespace; `killAfter` SIGKILLs it (by PID) once it printed that phase. */
function runChild(lab: FirewallLab, mode: FirewallChildMode, killAfter?: string): Promise<Map<string, ChildLine>> {
  const args = ['netns', 'exec', lab.client, process.execPath, '--import', 'tsx', CHILD, mode, lab.stateDir, lab.wan, lab.lan, lab.tunnel];
  // `ip netns exec` execs node without forking, so child.pid is node's.
  const child = spawn('ip', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = new Map<string, ChildLine>();
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (let end = stdout.indexOf('\n'); end >= 0; end = stdout.indexOf('\n')) {
      const line = JSON.parse(stdout.slice(0, end)) as ChildLine;
      stdout = stdout.slice(end + 1);
      lines.set(line.phase, line);
      if (line.phase === killAfter && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0 || (killAfter !== undefined && signal === 'SIGKILL')) resolve(lines);
      else reject(new Error(`child exited with ${code ?? signal}: ${stderr}`));
    });
  });
}

/**
 * Nothing arrived and Ferry's counter saw at least the 3 packets sent (exactly 3 for DNS): the client's own
 * IPv6 chatter (MLD reports, router solicitations) after its links came up may be counted alongside.
 */
function expectDropped(line: ChildLine | undefined, counter: 'outbound' | 'dns', exactly?: number): void {
  expect(line?.arrived).toBe(0);
  const packets = line?.dropped?.[counter].packets ?? 0;
  if (exactly === undefined) expect(packets).toBeGreaterThanOrEqual(3);
  else expect(packets).toBe(exactly);
}

function clientTables(lab: FirewallLab): string {
  return execFileSync('ip', ['netns', 'exec', lab.client, 'nft', 'list', 'tables'], { encoding: 'utf8' });
}

describe('LinuxFirewall in real network namespaces', () => {
  it('lets out only marked UDP to the endpoint, the tunnel, the LAN when allowed and DNS to the profile; replaces atomically; set(null) clears', async () => {
    const rootTablesBefore = execFileSync('nft', ['list', 'tables'], { encoding: 'utf8' });
    await withLab(async (lab) => {
      const seen = await runChild(lab, 'scenario');
      const phase = (name: string): ChildLine => {
        const line = seen.get(name);
        if (!line) throw new Error(`the child did not report "${name}"`);
        return line;
      };
      expect(phase('no firewall: plain UDP leaves').arrived).toBe(3);
      expect(phase('set kill switch').ok).toBe(true);
      // (a) the mark, not the port, lets Ferry's UDP out
      expect(phase('marked UDP to the endpoint').arrived).toBe(3);
      expectDropped(phase('plain UDP to the endpoint'), 'outbound');
      expectDropped(phase('marked UDP to another port'), 'outbound');
      expectDropped(phase('IPv6 UDP'), 'outbound');
      // (b) the LAN only with Allow LAN
      expect(phase('LAN ping, Allow LAN off')).toMatchObject({ arrived: 0, detail: false });
      expect(phase('LAN ping, Allow LAN off').dropped?.outbound.packets).toBeGreaterThan(0);
      expect(phase('set allow LAN').ok).toBe(true);
      expect(phase('LAN ping, Allow LAN on')).toMatchObject({ arrived: 2, detail: true });
      // (c) DNS: only the profile's resolver, only through the tunnel
      expectDropped(phase('DNS to a resolver outside the tunnel'), 'dns', 3);
      expect(phase("DNS to the profile's resolver through the tunnel")).toMatchObject({ arrived: 3, dropped: { dns: { packets: 0 } } });
      expectDropped(phase('DNS to another resolver through the tunnel'), 'dns', 3);
      expect(phase('plain UDP through the tunnel').arrived).toBe(3);
      // (e) 20 replacements under a stream of packets: one nft transaction each, nothing slipped through
      const underFire = phase('replacing the table while sending');
      expect(underFire.arrived).toBe(0);
      expect(underFire.detail).toMatchObject({ allOk: true, sent: expect.any(Number) });
      expect((underFire.detail as { sent: number }).sent).toBeGreaterThan(20);
      expect(phase('nft invocations per replacement').detail).toEqual(Array.from({ length: 20 }, () => '-f -'));
      // lockdown: not even the old endpoint
      expect(phase('set lockdown').ok).toBe(true);
      expectDropped(phase('lockdown: marked UDP to the old endpoint'), 'outbound');
      expect(phase('lockdown: LAN ping')).toMatchObject({ arrived: 0, detail: false });
      // (d) set(null) leaves nothing of Ferry's
      expect(phase('set null').ok).toBe(true);
      expect(phase('set null').detail).not.toContain('ferry');
      expect(phase('after set(null): plain UDP leaves again').arrived).toBe(3);
      await expect(fs.access(path.join(lab.stateDir, 'firewall.json'))).rejects.toThrow();
    });
    expect(execFileSync('nft', ['list', 'tables'], { encoding: 'utf8' })).toBe(rootTablesBefore);
  }, 60_000);

  it('keeps blocking after ferryd is killed, until the next ferryd adopts the block and lifts it', async () => {
    await withLab(async (lab) => {
      const applied = await runChild(lab, 'apply-then-hang', 'applied');
      expect(applied.get('applied')?.ok).toBe(true);
      expect(clientTables(lab)).toContain('table inet ferry');
      const restarted = await runChild(lab, 'adopt-and-clear');
      expect(restarted.get('adopted')).toMatchObject({ ok: true, detail: killSwitchPolicy });
      expectDropped(restarted.get('after restart, before any set: still blocked'), 'outbound');
      expect(restarted.get('set null')?.detail).not.toContain('ferry');
      expect(clientTables(lab)).not.toContain('ferry');
    });
  }, 60_000);
});
