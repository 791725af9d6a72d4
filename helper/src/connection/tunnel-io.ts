// The Device's outputs gathered into batches and handed to the TUN device and the UDP socket on flush.
import type { DeviceIo, Endpoint } from '../wireguard/device.js';
import type { TunDevice } from '../tun/tun-device.js';
import type { UdpDatagramSocket } from '../udp/udp-socket.js';
import { PacketSlab } from './packet-slab.js';

export class BatchingTunnelIo implements DeviceIo {
  // Reused between batches: the native calls read them synchronously, so emptying them after flush is enough.
  private readonly datagrams: Uint8Array[] = [];
  private readonly destinations: Endpoint[] = [];
  private readonly tunPackets: Uint8Array[] = [];
  /** Memory for the batch's sealed datagrams and opened packets (allocate), reused after each flush. */
  private readonly slab = new PacketSlab();
  /** Takes out inbound packets meant for ferryd itself (latency probe replies); true = consumed. */
  inboundFilter: ((packet: Uint8Array) => boolean) | null = null;

  constructor(
    private readonly tun: TunDevice,
    private readonly udp: UdpDatagramSocket,
  ) {}

  sendDatagram(data: Uint8Array, to: Endpoint): void {
    this.datagrams.push(data);
    this.destinations.push(to);
  }

  writeTunPacket(packet: Uint8Array): void {
    if (this.inboundFilter?.(packet)) return;
    this.tunPackets.push(packet);
  }

  allocate(bytes: number): Uint8Array {
    return this.slab.allocate(bytes);
  }

  flush(): void {
    if (this.datagrams.length > 0) {
      this.udp.send(this.datagrams, this.destinations);
      this.datagrams.length = 0;
      this.destinations.length = 0;
    }
    if (this.tunPackets.length > 0) {
      this.tun.write(this.tunPackets);
      this.tunPackets.length = 0;
    }
    this.slab.reset();
  }
}
