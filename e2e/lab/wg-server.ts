// The lab's WireGuard server: wireguard-go in the `server` namespace, forwarding and NAT out to the internet side.
import { LAB, PREFIX_V4, PREFIX_V6, WAN_IFNAME, endpointString } from './addressing.js';
import { runIn, type CommandResult } from './exec.js';
import { generateKeyPair } from './keys.js';
import type { ProcessTracker } from './processes.js';
import { enableForwarding } from './topology.js';
import type { WgInterfaceState, WgPeerState } from './wg-dump.js';
import { WireGuardGo, type WgPeerConfig } from './wireguard-go.js';

/** Masquerade everything leaving the WAN side, so the internet host sees the server's own address. */
const NAT_RULES = `table inet ferry_lab_nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "${WAN_IFNAME}" masquerade
  }
}
`;

export class LabServer {
  readonly endpointV4 = endpointString(LAB.server.v4, LAB.wireguardPort);
  readonly endpointV6 = endpointString(LAB.server.v6, LAB.wireguardPort);
  private readonly wireguard: WireGuardGo;

  constructor(readonly ns: string, ifname: string, workDir: string, processes: ProcessTracker) {
    this.wireguard = new WireGuardGo({
      ns,
      ifname,
      keys: generateKeyPair(),
      addresses: [`${LAB.tunnel.serverV4}/${PREFIX_V4}`, `${LAB.tunnel.serverV6}/${PREFIX_V6}`],
      listenPort: LAB.wireguardPort,
      workDir,
      processes,
    });
  }

  get publicKey(): string {
    return this.wireguard.publicKey;
  }

  get ifname(): string {
    return this.wireguard.ifname;
  }

  get pid(): number | undefined {
    return this.wireguard.pid;
  }

  /** Forwarding and NAT (once per lab), then wireguard-go. */
  async start(): Promise<void> {
    await enableForwarding(this.ns);
    await runIn(this.ns, 'nft', ['-f', '-'], { input: NAT_RULES });
    await this.wireguard.start();
  }

  setPeer(peer: WgPeerConfig): Promise<void> {
    return this.wireguard.setPeer(peer);
  }

  removePeer(publicKey: string): Promise<void> {
    return this.wireguard.removePeer(publicKey);
  }

  /** Kills wireguard-go by PID and starts a new process with the same keys and peers (no session survives). */
  restart(): Promise<void> {
    return this.wireguard.restart();
  }

  stop(): Promise<void> {
    return this.wireguard.stop();
  }

  wgShow(): Promise<WgInterfaceState> {
    return this.wireguard.show();
  }

  peer(publicKey: string): Promise<WgPeerState | undefined> {
    return this.wireguard.peer(publicKey);
  }

  /**
   * Sends pings from the server to a client's tunnel address, so that wireguard-go itself starts the
   * handshake when it has no session (the peer needs an endpoint). Returns ping's result; never throws on loss.
   */
  initiateTo(tunnelAddress: string, count = 5): Promise<CommandResult> {
    return runIn(this.ns, 'ping', ['-n', '-c', String(count), '-i', '0.2', '-W', '2', tunnelAddress], { allowFailure: true });
  }

  logs(): string {
    return this.wireguard.logs();
  }
}
