// The Ferry network lab: client, server and internet namespaces (plus an optional reference client), self-cleaning.
//   client ─eth0── c0 ┐                 ┌ s0 ──eth0─ server (wireguard-go, NAT) ── tunnel 10.66.0.0/24, fd66::/64
//                     internet (router, whoami on 198.18.0.1/.2, fd18::1/::2)
//   reference ─eth0─ r0 ┘  (wireguard-go client, for the bench)
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB, labNames, type LabNames } from './addressing.js';
import { buildClientProfile, type ClientProfile, type ClientProfileOptions } from './client-profile.js';
import { runIn, type CommandResult, type RunOptions } from './exec.js';
import { runFerry, startFerryd, type AsUser, type FerrydHandle, type StartFerrydOptions } from './ferryd.js';
import { PingMonitor, pingOnce, type PingSummary } from './ping.js';
import { assertLabPrerequisites } from './preflight.js';
import { ProcessTracker, type SpawnOptions, type TrackedProcess } from './processes.js';
import { addReferenceClient, type ReferenceClient } from './reference-client.js';
import { REPO_ROOT, toolCommand } from './repo.js';
import { snapshotNetwork, type NetworkSnapshot } from './snapshot.js';
import { buildTopology, removeTopology, spawnTool, type LabHost } from './lab-topology.js';
import { LabServer } from './wg-server.js';

export type { LabHost } from './lab-topology.js';

export interface LabOptions {
  /** Namespace name prefix; a random id is appended, so labs never collide. */
  name?: string;
}

export interface TransferResult {
  ok: boolean;
  ms: number;
}

export class Lab {
  readonly addresses = LAB;
  readonly processes = new ProcessTracker();
  readonly workDir: string;
  readonly server: LabServer;
  readonly resolvConfPath: string;
  reference: ReferenceClient | undefined;
  private ferrydHandle: FerrydHandle | undefined;
  private destroyed = false;
  private peerPublicKey: string | undefined;

  constructor(readonly names: LabNames) {
    this.workDir = mkdtempSync(join(tmpdir(), `${names.prefix}-`));
    // Unprivileged test users must reach the ferryd socket below this directory.
    chmodSync(this.workDir, 0o755);
    this.server = new LabServer(names.server, names.serverWg, this.workDir, this.processes);
    this.resolvConfPath = `/etc/netns/${names.client}/resolv.conf`;
  }

  /** The namespace name of a lab host. */
  ns(host: LabHost): string {
    if (host === 'reference' && this.reference === undefined) throw new Error('the lab has no reference client (addReferenceClient)');
    return this.names[host];
  }

  exec(host: LabHost, file: string, args: readonly string[], options?: RunOptions): Promise<CommandResult> {
    return runIn(this.ns(host), file, args, options);
  }

  /** Starts a long-running program in a lab namespace; destroy() ends it by PID if nobody did. */
  spawn(host: LabHost, file: string, args: readonly string[], options?: SpawnOptions): TrackedProcess {
    return this.processes.spawn('ip', ['netns', 'exec', this.ns(host), file, ...args], options);
  }

  /** A wg-quick profile for a new client key pair; the server's peer list is updated to that client (replacing the last one). */
  async makeClientProfile(options: ClientProfileOptions = {}): Promise<ClientProfile> {
    const profile = buildClientProfile(this.server.publicKey, options);
    if (this.peerPublicKey !== undefined) await this.server.removePeer(this.peerPublicKey);
    await this.server.setPeer(profile.serverPeer);
    this.peerPublicKey = profile.keys.publicKey;
    return profile;
  }

  /** Saves profile text as a file a user (any user) can read, and returns its path. */
  writeProfileFile(fileName: string, text: string): string {
    const path = join(this.workDir, fileName);
    writeFileSync(path, text, { mode: 0o644 });
    return path;
  }

  /** Starts ferryd in the client namespace; the state dir and socket stay the same across restarts of one lab. */
  async startFerryd(logLevel?: string, nodeArgs?: string[], launch: Pick<StartFerrydOptions, 'env' | 'enter'> = {}): Promise<FerrydHandle> {
    this.ferrydHandle = await startFerryd({
      ns: this.names.client,
      runDir: join(this.workDir, 'run'),
      stateDir: join(this.workDir, 'state'),
      processes: this.processes,
      ...(logLevel === undefined ? {} : { logLevel }),
      ...(nodeArgs === undefined ? {} : { nodeArgs }),
      ...launch,
    });
    return this.ferrydHandle;
  }

  /** The last lines ferryd printed (empty before startFerryd), for failure messages. */
  ferrydLogs(): string {
    return this.ferrydHandle?.logs() ?? '';
  }

  /** The ferryd started last. */
  get ferryd(): FerrydHandle {
    if (this.ferrydHandle === undefined) throw new Error('ferryd has not been started in this lab (startFerryd)');
    return this.ferrydHandle;
  }

  get socketPath(): string {
    return join(this.workDir, 'run', 'ferryd.sock');
  }

  /** Runs the ferry CLI against this lab's ferryd (from the sandbox's own namespace: the socket is a path). */
  ferry(args: readonly string[], asUser?: AsUser): Promise<CommandResult> {
    return runFerry(this.socketPath, args, asUser);
  }

  /** `ferry --json ARGS`, which must succeed, parsed. */
  async ferryJson<T>(args: readonly string[]): Promise<T> {
    const result = await this.ferry(['--json', ...args]);
    if (result.code !== 0) throw new Error(`ferry ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`);
    return JSON.parse(result.stdout) as T;
  }

  /** Asks the internet host's whoami service which source address it sees from `from`. */
  async whoami(from: LabHost, target: string, proto: 'tcp' | 'udp' = 'tcp'): Promise<string> {
    const [file, args] = toolCommand('whoami-ask', [target, String(LAB.whoamiPort), proto]);
    const result = await this.exec(from, file, args, { timeoutMs: 30_000, cwd: REPO_ROOT });
    return result.stdout.trim();
  }

  /** Moves `bytes` random bytes between `from` and a server started in `serverHost` on `address`, checked by SHA-256. */
  async tcpTransfer(from: LabHost, serverHost: LabHost, address: string, direction: 'up' | 'down', bytes: number): Promise<TransferResult> {
    const server = await spawnTool(this.processes, this.ns(serverHost), 'tcp-transfer', ['serve', address, String(LAB.transferPort)]);
    try {
      const [file, args] = toolCommand('tcp-transfer', [direction, address, String(LAB.transferPort), String(bytes)]);
      const result = await this.exec(from, file, args, { allowFailure: true, timeoutMs: 60_000, cwd: REPO_ROOT });
      const parsed = JSON.parse(result.stdout.trim() || '{"ok":false,"ms":0}') as TransferResult;
      return { ok: result.code === 0 && parsed.ok, ms: parsed.ms };
    } finally {
      await server.stop();
    }
  }

  ping(from: LabHost, target: string, count = 3, intervalSec = 0.2): Promise<PingSummary> {
    return pingOnce(this.ns(from), target, count, intervalSec);
  }

  /** A continuous ping in the background (stop it to get the summary). */
  startPing(from: LabHost, target: string, intervalSec = 0.1): PingMonitor {
    return new PingMonitor(this.processes, this.ns(from), target, intervalSec);
  }

  /** ip addr / rule / route table all (v4 and v6), nft ruleset and resolv.conf of the client namespace. */
  snapshotClientNetwork(): Promise<NetworkSnapshot> {
    return snapshotNetwork(this.names.client, this.resolvConfPath);
  }

  async addReferenceClient(): Promise<ReferenceClient> {
    this.reference ??= await addReferenceClient({
      ns: this.names.reference,
      internetNs: this.names.internet,
      ifname: this.names.referenceWg,
      workDir: this.workDir,
      processes: this.processes,
      server: this.server,
    });
    return this.reference;
  }

  /** Ends every process by PID, deletes the namespaces and files. Safe to call twice. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    await this.processes.stopAll();
    await removeTopology(this.names);
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

/** Builds a lab; on any failure, removes whatever was already made and rethrows. */
export async function createLab(options: LabOptions = {}): Promise<Lab> {
  assertLabPrerequisites();
  const lab = new Lab(labNames(options.name ?? 'ferrylab'));
  try {
    await buildTopology(lab.names, lab.processes);
    await lab.server.start();
    return lab;
  } catch (error) {
    await lab.destroy();
    throw error;
  }
}
