// A second client namespace running the reference implementation (wireguard-go) against the same lab server.
import { LAB, PREFIX_V4, PREFIX_V6 } from './addressing.js';
import { run } from './exec.js';
import { generateKeyPair } from './keys.js';
import type { ProcessTracker } from './processes.js';
import { createNamespace, linkToHub } from './topology.js';
import type { LabServer } from './wg-server.js';
import { WireGuardGo } from './wireguard-go.js';

export interface ReferenceClientSetup {
  ns: string;
  internetNs: string;
  ifname: string;
  workDir: string;
  processes: ProcessTracker;
  server: LabServer;
}

/** Fixed, so the server can be told the reference's endpoint and start handshakes itself. */
export const REFERENCE_LISTEN_PORT = 51821;

/** The reference client: its namespace, its wireguard-go, and its tunnel addresses. */
export interface ReferenceClient {
  ns: string;
  wireguard: WireGuardGo;
  tunnelV4: string;
  tunnelV6: string;
}

/** Builds the namespace, links it to the hub (198.18.3.2), starts wireguard-go and registers it on the server. */
export async function addReferenceClient(setup: ReferenceClientSetup): Promise<ReferenceClient> {
  await createNamespace(setup.ns);
  await linkToHub(setup.internetNs, 'r0', setup.ns, LAB.reference);
  const wireguard = new WireGuardGo({
    ns: setup.ns,
    ifname: setup.ifname,
    keys: generateKeyPair(),
    addresses: [`${LAB.tunnel.referenceV4}/${PREFIX_V4}`, `${LAB.tunnel.referenceV6}/${PREFIX_V6}`],
    listenPort: REFERENCE_LISTEN_PORT,
    workDir: setup.workDir,
    processes: setup.processes,
  });
  await wireguard.setPeer({
    publicKey: setup.server.publicKey,
    allowedIps: [LAB.tunnel.networkV4, LAB.tunnel.networkV6, `${LAB.serviceV4}/32`, `${LAB.serviceV6}/128`],
    endpoint: setup.server.endpointV4,
  });
  await setup.server.setPeer({
    publicKey: wireguard.publicKey,
    allowedIps: [`${LAB.tunnel.referenceV4}/32`, `${LAB.tunnel.referenceV6}/128`],
  });
  await wireguard.start();
  // The service address is routed into the tunnel, so whoami through it shows the server's NAT address.
  await routeIntoTunnel(setup.ns, setup.ifname);
  return { ns: setup.ns, wireguard, tunnelV4: LAB.tunnel.referenceV4, tunnelV6: LAB.tunnel.referenceV6 };
}

async function routeIntoTunnel(ns: string, ifname: string): Promise<void> {
  await run('ip', ['-n', ns, 'route', 'add', `${LAB.serviceV4}/32`, 'dev', ifname]);
  await run('ip', ['-n', ns, 'route', 'add', `${LAB.serviceV6}/128`, 'dev', ifname]);
}
