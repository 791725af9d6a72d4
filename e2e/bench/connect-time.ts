// Connect time: `ferry connect --wait` (handshake done, routes in) against a wg-quick-like wireguard-go bring-up.
import { performance } from 'node:perf_hooks';
import { LAB } from '../lab/addressing.js';
import { ferryOk } from '../lab/ferry-flow.js';
import { runFerry } from '../lab/ferryd.js';
import type { Lab } from '../lab/lab.js';

export interface FerryConnectTimes {
  /** Wall time of `ferry connect NAME --wait`, CLI start-up included. */
  connectMs: number[];
  /** Wall time of `ferry --json status`: the CLI's own start-up and one IPC round trip. */
  cliStartMs: number[];
  /** The same with this environment's NODE_EXTRA_CA_CERTS; empty when it has none. */
  cliStartExtraCaMs: number[];
}

/**
 * The CLI runs as from a user's shell: without NODE_EXTRA_CA_CERTS, which CI and sandbox images (this one) set and
 * desktops do not. Node 20 parses that file at every start (~50 ms here) although ferry makes no TLS connection;
 * `cliStartExtraCaMs` shows what it costs.
 */
const userEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

async function timed(action: () => Promise<unknown>): Promise<number> {
  const startMs = performance.now();
  await action();
  return performance.now() - startMs;
}

async function timedFerry(lab: Lab, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return timed(async () => {
    const result = await runFerry(lab.socketPath, args, undefined, { env });
    if (result.code !== 0) throw new Error(`ferry ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}\n${lab.ferrydLogs().slice(-3000)}`);
  });
}

/** Disconnects and reconnects `count` times; the tunnel is connected again afterwards. */
export async function ferryConnectTimes(lab: Lab, profile: string, count: number): Promise<FerryConnectTimes> {
  const times: FerryConnectTimes = { connectMs: [], cliStartMs: [], cliStartExtraCaMs: [] };
  for (let i = 0; i < count; i++) {
    await ferryOk(lab, ['disconnect']);
    times.connectMs.push(await timedFerry(lab, ['connect', profile, '--wait'], userEnv()));
    times.cliStartMs.push(await timedFerry(lab, ['--json', 'status'], userEnv()));
    if (process.env.NODE_EXTRA_CA_CERTS) times.cliStartExtraCaMs.push(await timedFerry(lab, ['--json', 'status'], process.env));
  }
  return times;
}

/**
 * What wg-quick up does, timed: start wireguard-go, `wg set` key and peer, address, link up, then the first
 * handshake (a ping that waits for its reply). The lab's start-up polls the control socket every 20 ms.
 */
export async function referenceBringUpTimes(lab: Lab, count: number): Promise<number[]> {
  const reference = await lab.addReferenceClient();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await reference.wireguard.stop();
    times.push(await timed(async () => {
      await reference.wireguard.start();
      const ping = await lab.exec('reference', 'ping', ['-n', '-c', '1', '-i', '0.01', '-w', '5', LAB.tunnel.serverV4], { allowFailure: true });
      if (ping.code !== 0) throw new Error(`wireguard-go bring-up: no ping reply\n${ping.stdout}`);
    }));
  }
  return times;
}
