// An in-memory UDP network and TUN for Device tests (wireguard-go's in-memory bind/TUN idea), driven by a FakeClock.
import type { FakeClock } from '../../time/fake-clock.js';
import type { Device } from '../device.js';
import type { DeviceIo, Endpoint } from '../device-types.js';
import { SeededRandom } from './seeded-random.js';

export interface NetworkConditions {
  /** One-way delay of every datagram. */
  latencyMs?: number;
  /** Extra uniform random delay per datagram in [0, this): reorders datagrams. */
  reorderJitterMs?: number;
  /** Probability in [0, 1) that a datagram is lost. */
  lossRate?: number;
  seed?: number;
  /** Keep every flushed datagram in `sent` (turn off for throughput runs). */
  record?: boolean;
}

export interface SentDatagram {
  atMs: number;
  sender: InMemoryNode;
  data: Uint8Array;
  from: Endpoint;
  to: Endpoint;
}

/** Return false to drop the datagram (before loss and delay are applied). */
export type DatagramFilter = (datagram: SentDatagram) => boolean;

interface InFlight extends SentDatagram {
  deliverAtMs: number;
  sequence: number;
}

const key = (endpoint: Endpoint): string => `${endpoint.address}|${endpoint.port}`;

/** One host on the network: the DeviceIo a Device writes to, and what reached its TUN. */
export class InMemoryNode {
  device: Device | null = null;
  readonly tunReceived: Uint8Array[] = [];
  private outbox: SentDatagram[] = [];
  readonly io: DeviceIo = {
    sendDatagram: (data, to) => this.outbox.push({ atMs: this.network.clock.nowMs(), sender: this, data, from: this.endpoint, to }),
    // Plain Uint8Array views so tests compare bytes, not Buffer vs Uint8Array.
    writeTunPacket: (packet) => this.tunReceived.push(new Uint8Array(packet.buffer, packet.byteOffset, packet.length)),
    flush: () => {
      this.network.enqueue(this.outbox);
      this.outbox = [];
    },
  };

  constructor(private readonly network: InMemoryNetwork, public endpoint: Endpoint) {}

  attach(device: Device): Device {
    this.device = device;
    return device;
  }

  /** Inner packets leaving this host through its TUN. */
  sendFromTun(packets: Uint8Array[]): void {
    this.device?.handleTunPackets(packets);
  }

  /** Roaming: later datagrams leave from (and are delivered to) the new address. */
  moveTo(endpoint: Endpoint): void {
    this.network.rebind(this, endpoint);
  }
}

export class InMemoryNetwork {
  readonly sent: SentDatagram[] = [];
  filter: DatagramFilter | null = null;
  private readonly nodes = new Map<string, InMemoryNode>();
  private inFlight: InFlight[] = [];
  private sequence = 0;
  private readonly random: SeededRandom;

  constructor(readonly clock: FakeClock, private readonly conditions: NetworkConditions = {}) {
    this.random = new SeededRandom(conditions.seed ?? 7);
  }

  addNode(endpoint: Endpoint): InMemoryNode {
    const node = new InMemoryNode(this, endpoint);
    this.nodes.set(key(endpoint), node);
    return node;
  }

  rebind(node: InMemoryNode, endpoint: Endpoint): void {
    this.nodes.delete(key(node.endpoint));
    node.endpoint = endpoint;
    this.nodes.set(key(endpoint), node);
  }

  /** Called by a node's flush(): applies filter, loss and delay. */
  enqueue(datagrams: SentDatagram[]): void {
    const latencyMs = this.conditions.latencyMs ?? 1;
    for (const datagram of datagrams) {
      if (this.conditions.record !== false) this.sent.push(datagram);
      if (this.filter && !this.filter(datagram)) continue;
      if (this.conditions.lossRate && this.random.float() < this.conditions.lossRate) continue;
      const extraMs = this.conditions.reorderJitterMs ? this.random.float() * this.conditions.reorderJitterMs : 0;
      this.inFlight.push({ ...datagram, deliverAtMs: this.clock.nowMs() + latencyMs + extraMs, sequence: this.sequence++ });
    }
  }

  /** Injects datagrams into a node as one batch, as if they arrived from `from` now. */
  inject(to: InMemoryNode, datagrams: Uint8Array[], from: Endpoint): void {
    to.device?.handleDatagrams(datagrams, datagrams.map(() => from));
  }

  /** Advances fake time by `durationMs`, delivering datagrams and running device timers in time order. */
  run(durationMs: number): void {
    this.runUntil(() => false, durationMs);
  }

  /** Like run, but stops as soon as `done()` holds after an event; returns whether it did. */
  runUntil(done: () => boolean, maxDurationMs: number): boolean {
    const endMs = this.clock.nowMs() + maxDurationMs;
    for (let guard = 0; guard < 10_000_000; guard++) {
      this.deliverDue();
      this.tickDue();
      if (done()) return true;
      const nextMs = Math.min(this.nextDeliveryMs(), this.nextDeadlineMs());
      if (nextMs > endMs) break;
      if (nextMs > this.clock.nowMs()) this.clock.advance(nextMs - this.clock.nowMs());
    }
    if (endMs > this.clock.nowMs()) this.clock.advance(endMs - this.clock.nowMs());
    this.deliverDue();
    this.tickDue();
    return done();
  }

  get inFlightCount(): number {
    return this.inFlight.length;
  }

  private deliverDue(): void {
    const nowMs = this.clock.nowMs();
    const due = this.inFlight.filter((d) => d.deliverAtMs <= nowMs);
    if (due.length === 0) return;
    this.inFlight = this.inFlight.filter((d) => d.deliverAtMs > nowMs);
    due.sort((a, b) => a.deliverAtMs - b.deliverAtMs || a.sequence - b.sequence);
    const byNode = new Map<InMemoryNode, SentDatagram[]>();
    for (const datagram of due) {
      const node = this.nodes.get(key(datagram.to));
      if (!node) continue; // nobody listens there: lost
      const list = byNode.get(node) ?? [];
      list.push(datagram);
      byNode.set(node, list);
    }
    for (const [node, list] of byNode) node.device?.handleDatagrams(list.map((d) => d.data), list.map((d) => d.from));
  }

  private tickDue(): void {
    const nowMs = this.clock.nowMs();
    for (const node of this.nodes.values()) {
      if (node.device && node.device.nextDeadlineMs() <= nowMs) node.device.tick();
    }
  }

  private nextDeliveryMs(): number {
    let next = Infinity;
    for (const d of this.inFlight) next = Math.min(next, d.deliverAtMs);
    return next;
  }

  private nextDeadlineMs(): number {
    let next = Infinity;
    for (const node of this.nodes.values()) if (node.device) next = Math.min(next, node.device.nextDeadlineMs());
    return next;
  }
}
