// A tunnel that moves no packets: the test decides when handshakes happen and what the counters say.
import type { DeviceEvent, PeerStats } from '../wireguard/device.js';
import type { TunnelHandle } from './tunnel-handle.js';
import type { TunnelDeps, TunnelOptions } from './tunnel.js';

export class FakeTunnel implements TunnelHandle {
  readonly interfaceName: string;
  started = false;
  closed = false;
  handshakeRequests = 0;
  keepaliveRequests = 0;
  peerStats: PeerStats[] = [];
  /** Packets ferryd injected (latency probes), in order. */
  readonly injected: Uint8Array[] = [];
  inboundFilter: ((packet: Uint8Array) => boolean) | null = null;

  constructor(
    readonly options: TunnelOptions,
    private readonly deps: TunnelDeps,
  ) {
    this.interfaceName = options.interfaceName;
  }

  start(): void {
    this.started = true;
  }

  initiateHandshake(): void {
    this.handshakeRequests++;
  }

  sendKeepalives(): void {
    this.keepaliveRequests++;
  }

  injectPacket(packet: Uint8Array): void {
    this.injected.push(packet);
  }

  setInboundFilter(filter: ((packet: Uint8Array) => boolean) | null): void {
    this.inboundFilter = filter;
  }

  /** Plays an inbound packet: true when ferryd took it out (it would not reach the TUN device). */
  receive(packet: Uint8Array): boolean {
    return this.inboundFilter?.(packet) ?? false;
  }

  stats(): PeerStats[] {
    return this.peerStats;
  }

  close(): void {
    this.closed = true;
  }

  /** Plays a Device event as if the WireGuard engine had raised it. */
  emit(event: DeviceEvent): void {
    this.deps.onEvent(event);
  }
}

/** An `OpenTunnel` that records every tunnel it opens; `failWith` makes the next open throw. */
export class FakeTunnelFactory {
  readonly opened: FakeTunnel[] = [];
  failWith: Error | null = null;

  readonly open = (options: TunnelOptions, deps: TunnelDeps): FakeTunnel => {
    if (this.failWith) throw this.failWith;
    const tunnel = new FakeTunnel(options, deps);
    this.opened.push(tunnel);
    return tunnel;
  };

  get last(): FakeTunnel {
    const tunnel = this.opened[this.opened.length - 1];
    if (!tunnel) throw new Error('no tunnel was opened');
    return tunnel;
  }
}
