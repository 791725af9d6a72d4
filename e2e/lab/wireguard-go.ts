// One wireguard-go interface in a lab namespace (Debian's wireguard-go + wg): start, configure, restart, inspect.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAddresses } from './topology.js';
import { inNamespace, run, runIn, sleep, waitFor } from './exec.js';
import type { WgKeyPair } from './keys.js';
import type { ProcessTracker, TrackedProcess } from './processes.js';
import { parseWgDump, type WgInterfaceState, type WgPeerState } from './wg-dump.js';

const WIREGUARD_RUN_DIR = '/var/run/wireguard';
const START_TIMEOUT_MS = 10_000;

export interface WgPeerConfig {
  publicKey: string;
  allowedIps: string[];
  presharedKey?: string;
  persistentKeepaliveSec?: number;
  /** host:port ([v6]:port); lets this side start handshakes before it has heard from the peer. */
  endpoint?: string;
}

export interface WireGuardGoOptions {
  ns: string;
  ifname: string;
  keys: WgKeyPair;
  /** Tunnel addresses (CIDR) put on the interface after each start. */
  addresses: string[];
  listenPort?: number;
  /** Where key files are written (0600). */
  workDir: string;
  processes: ProcessTracker;
}

/** A wireguard-go process plus the configuration that is re-applied whenever it is (re)started. */
export class WireGuardGo {
  private process: TrackedProcess | undefined;
  private readonly peers = new Map<string, WgPeerConfig>();
  private keyFileCounter = 0;

  constructor(private readonly options: WireGuardGoOptions) {}

  get publicKey(): string {
    return this.options.keys.publicKey;
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get ifname(): string {
    return this.options.ifname;
  }

  /** Starts wireguard-go in the foreground and applies keys, port, peers, addresses and link state. */
  async start(): Promise<void> {
    const { ns, ifname, processes } = this.options;
    const [file, args] = inNamespace(ns, 'wireguard-go', ['-f', ifname]);
    this.process = processes.spawn(file, args, { env: { ...process.env, LOG_LEVEL: 'verbose' } });
    const started = this.process;
    await waitFor(`wireguard-go ${ifname} control socket`, async () => {
      if (!started.isRunning()) throw new Error(`wireguard-go exited: ${started.output().slice(-2000)}`);
      return existsSync(join(WIREGUARD_RUN_DIR, `${ifname}.sock`)) ? true : undefined;
    }, START_TIMEOUT_MS, 20);
    await this.applyInterface();
    for (const peer of this.peers.values()) await this.applyPeer(peer);
    await addAddresses(ns, ifname, this.options.addresses);
    await run('ip', ['-n', ns, 'link', 'set', ifname, 'up']);
  }

  /** Ends the process by PID (SIGTERM, then SIGKILL) and waits until its interface is gone. */
  async stop(): Promise<void> {
    if (this.process === undefined) return;
    await this.process.stop('SIGTERM', 3_000);
    this.process = undefined;
    const { ns, ifname } = this.options;
    await waitFor(`${ifname} to disappear`, async () => {
      const { code } = await run('ip', ['-n', ns, 'link', 'show', ifname], { allowFailure: true });
      return code !== 0 ? true : undefined;
    }, START_TIMEOUT_MS);
  }

  /** A new process with the same keys and configuration: every session key is lost, as on a real restart. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Adds the peer or replaces its configuration (allowed IPs, PSK, keepalive, endpoint). */
  async setPeer(peer: WgPeerConfig): Promise<void> {
    this.peers.set(peer.publicKey, peer);
    if (this.process !== undefined) await this.applyPeer(peer);
  }

  async removePeer(publicKey: string): Promise<void> {
    if (!this.peers.delete(publicKey) || this.process === undefined) return;
    await this.wg(['set', this.options.ifname, 'peer', publicKey, 'remove']);
  }

  async show(): Promise<WgInterfaceState> {
    const { stdout } = await this.wg(['show', this.options.ifname, 'dump']);
    return parseWgDump(stdout);
  }

  async peer(publicKey: string): Promise<WgPeerState | undefined> {
    return (await this.show()).peers.find((p) => p.publicKey === publicKey);
  }

  /** The last lines wireguard-go printed (LOG_LEVEL=verbose), for failure messages. */
  logs(): string {
    return this.process?.output() ?? '';
  }

  private async applyInterface(): Promise<void> {
    const args = ['set', this.options.ifname, 'private-key', this.keyFile(this.options.keys.privateKey)];
    if (this.options.listenPort !== undefined) args.push('listen-port', String(this.options.listenPort));
    await this.wg(args);
  }

  private async applyPeer(peer: WgPeerConfig): Promise<void> {
    const args = ['set', this.options.ifname, 'peer', peer.publicKey, 'allowed-ips', peer.allowedIps.join(',')];
    args.push('preshared-key', peer.presharedKey === undefined ? '/dev/null' : this.keyFile(peer.presharedKey));
    args.push('persistent-keepalive', peer.persistentKeepaliveSec === undefined ? 'off' : String(peer.persistentKeepaliveSec));
    if (peer.endpoint !== undefined) args.push('endpoint', peer.endpoint);
    await this.wg(args);
  }

  private keyFile(base64Key: string): string {
    this.keyFileCounter += 1;
    const path = join(this.options.workDir, `${this.options.ifname}-key-${this.keyFileCounter}`);
    writeFileSync(path, `${base64Key}\n`, { mode: 0o600 });
    return path;
  }

  private async wg(args: string[]): Promise<{ stdout: string }> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await runIn(this.options.ns, 'wg', args, { allowFailure: true });
      if (result.code === 0) return result;
      // The control socket can refuse a connection in the instant after it appears.
      if (attempt >= 5) throw new Error(`wg ${args.join(' ')} failed: ${result.stderr.trim()}\n${this.logs().slice(-2000)}`);
      await sleep(100);
    }
  }
}
