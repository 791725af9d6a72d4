// Changes to the client's own network in the lab: a LAN beside the uplink, and moving the client to a new address and gateway (roaming).
import { PREFIX_V4, WAN_IFNAME } from './addressing.js';
import { run } from './exec.js';
import type { Lab } from './lab.js';

/** A private LAN on the client's link: the hub (its router) answers at `host`. */
export const LAN = { cidr: '192.168.77.0/24', host: '192.168.77.1', client: '192.168.77.2' } as const;
/** Where the client moves to: another subnet on the same link, with its own gateway. */
export const MOVED = { v4: '198.18.4.2', gatewayV4: '198.18.4.1' } as const;

export async function addLan(lab: Lab): Promise<void> {
  await run('ip', ['-n', lab.ns('internet'), 'addr', 'add', `${LAN.host}/24`, 'dev', 'c0']);
  await run('ip', ['-n', lab.ns('client'), 'addr', 'add', `${LAN.client}/24`, 'dev', WAN_IFNAME]);
}

/** Gives the hub the gateway address of the subnet the client moves into (once per lab). */
export async function prepareMove(lab: Lab): Promise<void> {
  await run('ip', ['-n', lab.ns('internet'), 'addr', 'add', `${MOVED.gatewayV4}/${PREFIX_V4}`, 'dev', 'c0']);
}

/**
 * The client's IPv4 address and default route move from `from` to `to`, as when a laptop changes networks:
 * new address, default route through the new gateway, old address gone (packets to it are lost from then on).
 */
export async function moveClient(lab: Lab, from: { v4: string }, to: { v4: string; gatewayV4: string }): Promise<void> {
  const ns = lab.ns('client');
  await run('ip', ['-n', ns, 'addr', 'add', `${to.v4}/${PREFIX_V4}`, 'dev', WAN_IFNAME]);
  await run('ip', ['-n', ns, '-4', 'route', 'replace', 'default', 'via', to.gatewayV4, 'dev', WAN_IFNAME]);
  await run('ip', ['-n', ns, 'addr', 'del', `${from.v4}/${PREFIX_V4}`, 'dev', WAN_IFNAME]);
}
