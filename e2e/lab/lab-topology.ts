// Builds and tears down the lab's namespaces and links, and starts the lab's own Node tools (whoami) inside them.
import { existsSync, rmSync } from 'node:fs';
import { LAB, type LabNames } from './addressing.js';
import { waitFor } from './exec.js';
import type { ProcessTracker, TrackedProcess } from './processes.js';
import { REPO_ROOT, toolCommand } from './repo.js';
import {
  addAddresses,
  createNamespace,
  deleteNamespace,
  enableForwarding,
  linkToHub,
  removeNamespaceEtc,
  writeNamespaceResolvConf,
} from './topology.js';

/** The lab's hosts, by role (each is one network namespace). */
export type LabHost = 'client' | 'server' | 'internet' | 'reference';

const TOOL_READY_TIMEOUT_MS = 15_000;

/** Starts e2e/lab/tools/NAME.ts in namespace `ns` and waits for it to print "ready". */
export async function spawnTool(processes: ProcessTracker, ns: string, name: string, args: string[]): Promise<TrackedProcess> {
  let ready = false;
  const [node, nodeArgs] = toolCommand(name, args);
  const tool = processes.spawn('ip', ['netns', 'exec', ns, node, ...nodeArgs], {
    cwd: REPO_ROOT,
    onLine: (line) => (ready ||= line.trim() === 'ready'),
  });
  await waitFor(`lab tool ${name} to be ready`, async () => {
    if (!tool.isRunning()) throw new Error(`${name} exited: ${tool.output()}`);
    return ready ? true : undefined;
  }, TOOL_READY_TIMEOUT_MS, 20);
  return tool;
}

/** The internet hub: a router between the client, server and reference links, hosting the whoami service. */
async function buildInternet(names: LabNames, processes: ProcessTracker): Promise<void> {
  await createNamespace(names.internet);
  await enableForwarding(names.internet);
  const serviceAddresses = [LAB.serviceV4, LAB.otherV4, LAB.serviceV6, LAB.otherV6];
  await addAddresses(names.internet, 'lo', serviceAddresses.map((a) => `${a}/${a.includes(':') ? 128 : 32}`));
  await spawnTool(processes, names.internet, 'whoami-server', [String(LAB.whoamiPort), ...serviceAddresses]);
}

export async function buildTopology(names: LabNames, processes: ProcessTracker): Promise<void> {
  await buildInternet(names, processes);
  await createNamespace(names.client);
  await linkToHub(names.internet, 'c0', names.client, LAB.client);
  writeNamespaceResolvConf(names.client, LAB.resolvConf);
  await createNamespace(names.server);
  await linkToHub(names.internet, 's0', names.server, LAB.server);
}

/** Deletes every namespace of the lab and what the lab left in shared directories. Processes must be gone first. */
export async function removeTopology(names: LabNames): Promise<void> {
  for (const ns of [names.client, names.server, names.reference, names.internet]) {
    await deleteNamespace(ns);
    removeNamespaceEtc(ns);
  }
  // wireguard-go removes its control socket on a clean exit; not when it was SIGKILLed.
  for (const ifname of [names.serverWg, names.referenceWg]) {
    const socket = `/var/run/wireguard/${ifname}.sock`;
    if (existsSync(socket)) rmSync(socket, { force: true });
  }
}
