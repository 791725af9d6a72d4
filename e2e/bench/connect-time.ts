// Connect time: `ferry connect --wait` (handshake done, routes in) against a wg-quick-like wireguard-go bring-up.
import { performance } from 'node:perf_hooks';
import { LAB } from '../lab/addressing.js';
import { ferryOk } from '../lab/ferry-flow.js';
import type { Lab } from '../lab/lab.js';

export interface FerryConnectTimes {
  /** Wall time of `ferry connect NAME --wait`, CLI start-up included. */
  connectMs: number[];
  /** Wall time of `ferry --json status`: the CLI's own start-up and one IPC round trip. */
  cliStartMs: number[];
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const startMs = performance.now();
  await action();
  return performance.now() - startMs;
}

/** Disconnects and reconnects `count` times; the tunnel is connected again afterwards. */
export async function ferryConnectTimes(lab: Lab, profile: string, count: number): Promise<FerryConnectTimes> {
  const times: FerryConnectTimes = { connectMs: [], cliStartMs: [] };
  for (let i = 0; i < count; i++) {
    await ferryOk(lab, ['disconnect']);
    times.connectMs.push(await timed(() => ferryOk(lab, ['connect', profile, '--wait'])));
    times.cliStartMs.push(await timed(() => ferryOk(lab, ['--json', 'status'])));
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
