// Two Devices wired back to back with no simulated time or loss: the leanest harness, for throughput runs.
import type { Device } from '../device.js';
import type { DeviceIo, Endpoint } from '../device-types.js';

interface Side {
  endpoint: Endpoint;
  device: Device | null;
  outbox: Uint8Array[];
  tunPackets: number;
  tunBytes: number;
}

/** Each flush() delivers the batch to the other device as one handleDatagrams call (pumped, never re-entrant). */
export class DirectLink {
  private readonly sides: [Side, Side];
  private pumping = false;

  constructor(endpointA: Endpoint, endpointB: Endpoint) {
    const side = (endpoint: Endpoint): Side => ({ endpoint, device: null, outbox: [], tunPackets: 0, tunBytes: 0 });
    this.sides = [side(endpointA), side(endpointB)];
  }

  io(which: 0 | 1): DeviceIo {
    const self = this.sides[which];
    return {
      sendDatagram: (data) => self.outbox.push(data),
      writeTunPacket: (packet) => {
        self.tunPackets++;
        self.tunBytes += packet.length;
      },
      flush: () => this.pump(),
    };
  }

  attach(which: 0 | 1, device: Device): Device {
    this.sides[which].device = device;
    return device;
  }

  /** Inner packets written to side `which`'s TUN so far. */
  tunPackets(which: 0 | 1): number {
    return this.sides[which].tunPackets;
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let moved = true; moved;) {
        moved = this.deliver(this.sides[0], this.sides[1]) || this.deliver(this.sides[1], this.sides[0]);
      }
    } finally {
      this.pumping = false;
    }
  }

  private deliver(from: Side, to: Side): boolean {
    if (from.outbox.length === 0) return false;
    const batch = from.outbox;
    from.outbox = [];
    to.device?.handleDatagrams(batch, new Array<Endpoint>(batch.length).fill(from.endpoint));
    return true;
  }
}
