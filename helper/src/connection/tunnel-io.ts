// The Device's outputs gathered into batches and handed to the TUN device and the UDP socket on flush.
import type { DeviceIo, Endpoint } from '../wireguard/device.js';
import type { TunDevice } from '../tun/tun-device.js';
import type { UdpDatagramSocket } from '../udp/udp-socket.js';

export class BatchingTunnelIo implements DeviceIo {
  private datagrams: Uint8Array[] = [];
  private destinations: Endpoint[] = [];
  private tunPackets: Uint8Array[] = [];
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

  flush(): void {
    if (this.datagrams.length > 0) {
      const datagrams = this.datagrams;
      const destinations = this.destinations;
      this.datagrams = [];
      this.destinations = [];
      this.udp.send(datagrams, destinations);
    }
    if (this.tunPackets.length > 0) {
      const packets = this.tunPackets;
      this.tunPackets = [];
      this.tun.write(packets);
    }
  }
}
