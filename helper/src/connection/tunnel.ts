// A running tunnel: the WireGuard Device wired to a real TUN device, a UDP socket and a timer.
import type { Clock } from '../time/clock.js';
import type { Random } from '../wireguard/random.js';
import { Device, type DeviceEvent, type PeerConfig, type PeerStats } from '../wireguard/device.js';
import { openTun, type TunDevice } from '../tun/tun-device.js';
import { openUdpSocket, type UdpDatagramSocket } from '../udp/udp-socket.js';
import { BatchingTunnelIo } from './tunnel-io.js';

export interface TunnelOptions {
  interfaceName: string;
  privateKey: Uint8Array;
  peers: PeerConfig[];
  mtuBytes: number;
  /** Mark on the outer UDP packets so they bypass the tunnel's own routes; 0 for none. */
  fwmark: number;
  listenPort?: number;
}

export interface TunnelDeps {
  clock: Clock;
  random: Random;
  onEvent: (event: DeviceEvent) => void;
}

/** Longest the timer sleeps even when the Device has no deadline, so a clock jump is noticed. */
const MAX_TIMER_SLEEP_MS = 1_000;

export class Tunnel {
  private timer: NodeJS.Timeout | undefined;
  private timerDueMs = Infinity;
  private closed = false;

  private constructor(
    readonly interfaceName: string,
    readonly listenPort: number,
    private readonly device: Device,
    private readonly io: BatchingTunnelIo,
    private readonly tun: TunDevice,
    private readonly udp: UdpDatagramSocket,
    private readonly clock: Clock,
  ) {}

  /** Opens the TUN device and the UDP socket; both are closed again if anything fails. */
  static open(options: TunnelOptions, deps: TunnelDeps): Tunnel {
    const udp = openUdpSocket({ port: options.listenPort ?? 0, fwmark: options.fwmark });
    let tun: TunDevice;
    try {
      tun = openTun(options.interfaceName);
    } catch (error) {
      udp.close();
      throw error;
    }
    const io = new BatchingTunnelIo(tun, udp);
    const device = new Device(
      { privateKey: options.privateKey, peers: options.peers, mtuBytes: options.mtuBytes },
      io,
      { clock: deps.clock, random: deps.random, onEvent: deps.onEvent },
    );
    return new Tunnel(tun.name, udp.localPort, device, io, tun, udp, deps.clock);
  }

  /** Starts moving packets and timers; persistent-keepalive peers handshake at once. */
  start(): void {
    this.tun.start((packets) => {
      this.device.handleTunPackets(packets);
      this.scheduleTimer();
    });
    this.udp.start((datagrams, from) => {
      this.device.handleDatagrams(datagrams, from);
      this.scheduleTimer();
    });
    this.device.up();
    this.scheduleTimer();
  }

  /** Starts a handshake with every peer now (honouring the protocol's rate limit). */
  initiateHandshake(): void {
    this.device.initiateHandshake();
    this.scheduleTimer();
  }

  /** After a network change: tells every peer where we are now (see Device.sendKeepalives). */
  sendKeepalives(): void {
    this.device.sendKeepalives();
    this.scheduleTimer();
  }

  /** Sends a packet ferryd made itself (a latency probe) as if an application had written it to the TUN device. */
  injectPacket(packet: Uint8Array): void {
    if (this.closed) return;
    this.device.handleTunPackets([packet]);
    this.scheduleTimer();
  }

  /** Inbound packets for which `filter` returns true are taken out before the TUN device sees them. */
  setInboundFilter(filter: ((packet: Uint8Array) => boolean) | null): void {
    this.io.inboundFilter = filter;
  }

  stats(): PeerStats[] {
    return this.device.stats();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.device.down();
    this.tun.close();
    this.udp.close();
  }

  private scheduleTimer(): void {
    if (this.closed) return;
    const dueMs = Math.min(this.device.nextDeadlineMs(), this.clock.nowMs() + MAX_TIMER_SLEEP_MS);
    if (this.timer !== undefined && dueMs >= this.timerDueMs) return;
    clearTimeout(this.timer);
    this.timerDueMs = dueMs;
    this.timer = setTimeout(() => this.onTimer(), Math.max(0, dueMs - this.clock.nowMs()));
  }

  private onTimer(): void {
    this.timer = undefined;
    this.timerDueMs = Infinity;
    this.device.tick();
    this.scheduleTimer();
  }
}
