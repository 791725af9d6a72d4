// Split tunnelling and DNS (issue 6): apps that bypass the tunnel still resolve names, and their lookups to the profile's resolver go through the tunnel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB } from '../lab/addressing.js';
import { waitFor } from '../lab/exec.js';
import { connectNewProfile, ferryOk } from '../lab/ferry-flow.js';
import { createLab, type Lab } from '../lab/lab.js';
import { spawnTool } from '../lab/lab-topology.js';
import type { TrackedProcess } from '../lab/processes.js';
import { CATCH_DELAY_MS, SplitLab } from '../lab/split-lab.js';

/** What the VPN server's resolver answers for every name: the whoami service's addresses. */
const ANSWER = { v4: LAB.serviceV4, v6: LAB.serviceV6 };

describe('split tunnelling keeps DNS working', () => {
  let lab: Lab;
  let split: SplitLab;
  let listed: string;
  let other: string;
  let resolver: TrackedProcess;

  /** The source address the server's resolver saw for `name`, once the query arrived. */
  const askedFrom = (name: string): Promise<string> =>
    waitFor(`the resolver to log ${name}`, async () => new RegExp(`query ${name.replaceAll('.', '\\.')} type \\d+ from (\\S+)`).exec(resolver.output())?.[1], 5_000);

  const resolve = async (exe: string, name: string, family: 4 | 6): Promise<string> => {
    const server = family === 4 ? LAB.tunnel.serverV4 : LAB.tunnel.serverV6;
    const result = await split.runProbe(exe, LAB.serviceV4, { delayMs: CATCH_DELAY_MS, resolve: { name, server, family } });
    if (result.code !== 0) throw new Error(`resolving ${name} at ${server} failed (${result.code}): ${result.stderr.trim()}`);
    return result.stdout.trim();
  };

  beforeAll(async () => {
    lab = await createLab({ name: 'fspld' });
    split = new SplitLab(lab);
    listed = split.app('excluded-browser');
    other = split.app('other-app');
    // The VPN's own resolver, on the server's tunnel addresses: reachable only through the tunnel.
    resolver = await spawnTool(lab.processes, lab.ns('server'), 'dns-server', [ANSWER.v4, ANSWER.v6, LAB.tunnel.serverV4, LAB.tunnel.serverV6]);
    await split.startFerryd();
    // killSwitch is `auto` (the default): the block is in force while connected, so every lookup below also crosses it.
    await connectNewProfile(lab, 'full', { fullTunnel: true, dns: [LAB.tunnel.serverV4, LAB.tunnel.serverV6] });
    await ferryOk(lab, ['split', 'add', listed]);
  }, 120_000);

  afterAll(async () => {
    await lab?.destroy();
    split?.cleanUp();
  });

  it('exclude: a listed app resolves through the tunnel resolver (v4 and v6) while its own connections go direct', async () => {
    await ferryOk(lab, ['split', 'mode', 'exclude']);
    expect(await resolve(listed, 'excluded-a.ferry.test', 4)).toBe(ANSWER.v4);
    expect(await resolve(listed, 'excluded-aaaa.ferry.test', 6)).toBe(ANSWER.v6);
    // The resolver saw the tunnel addresses: the lookups went through the tunnel, not out of the physical interface.
    expect(await askedFrom('excluded-a.ferry.test')).toBe(LAB.tunnel.clientV4);
    expect(await askedFrom('excluded-aaaa.ferry.test')).toBe(LAB.tunnel.clientV6);
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.client.v4);
  });

  it('include: an unlisted app, which goes direct, still resolves through the tunnel resolver', async () => {
    await ferryOk(lab, ['split', 'mode', 'include']);
    expect(await resolve(other, 'unlisted-a.ferry.test', 4)).toBe(ANSWER.v4);
    expect(await resolve(other, 'unlisted-aaaa.ferry.test', 6)).toBe(ANSWER.v6);
    expect(await askedFrom('unlisted-a.ferry.test')).toBe(LAB.tunnel.clientV4);
    expect(await askedFrom('unlisted-aaaa.ferry.test')).toBe(LAB.tunnel.clientV6);
    expect(await split.whoami(other, LAB.serviceV4)).toBe(LAB.client.v4);
    expect(await split.whoami(listed, LAB.serviceV4)).toBe(LAB.server.v4);
  });
});
