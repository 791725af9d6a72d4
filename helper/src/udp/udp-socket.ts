// The TypeScript face of the native UDP socket: dual-stack, fwmark, recvmmsg/sendmmsg batches.
import { nativeAddon, type IoCounters, type NativeHandle } from '../native/addon.js';
import { BatchArena } from '../native/batch-arena.js';
import { errnoError } from '../native/errno-error.js';
import { DestinationRecords } from './destination-records.js';
import type { Endpoint } from './endpoint.js';
import { ADDRESS_RECORD_BYTES, SourceEndpoints } from './source-endpoints.js';

export interface UdpDatagramSocket {
  readonly localPort: number;
  /** 6: one dual-stack IPv6 socket; 4: IPv4 only (the namespace has no IPv6). */
  readonly family: 4 | 6;
  /** Views valid during the callback; `from[i]` is frozen and shared between datagrams from one source.
   *  A fatal receive error stops the reader and goes to `onError` (thrown if there is none). */
  start(onDatagrams: (datagrams: Uint8Array[], from: Endpoint[]) => void,
    onError?: (error: NodeJS.ErrnoException) => void): void;
  /** One sendmmsg per 128 datagrams; returns how many were sent. Never blocks: what the socket cannot
   *  take now, or an unusable destination, is dropped and counted in `counters().txDropped`. */
  send(datagrams: readonly Uint8Array[], to: readonly Endpoint[]): number;
  counters(): IoCounters;
  close(): void;
}

export interface UdpSocketOptions {
  /** 0 or absent: a random port. */
  port?: number;
  /** SO_MARK for policy routing around the tunnel; needs CAP_NET_ADMIN. */
  fwmark?: number;
  /** SO_RCVBUF/SO_SNDBUF (FORCE variants tried first); 7 MiB like wireguard-go. */
  bufferBytes?: number;
  /** Datagrams received per readiness event at most. */
  batchSize?: number;
  /** Arena slot per datagram; larger datagrams are dropped and counted. */
  slotBytes?: number;
}

const DEFAULT_BUFFER_BYTES = 7 * 1024 * 1024;
const DEFAULT_BATCH_SIZE = 128;
const DEFAULT_SLOT_BYTES = 65536;

class NativeUdpSocket implements UdpDatagramSocket {
  private closed = false;
  private invalidDestinations = 0;
  private destinationBytes = new Uint8Array(DEFAULT_BATCH_SIZE * ADDRESS_RECORD_BYTES);
  private readonly destinations = new DestinationRecords((text) => nativeAddon().addressParse(text));

  constructor(private readonly handle: NativeHandle, readonly localPort: number, readonly family: 4 | 6,
    private readonly options: UdpSocketOptions) {}

  start(onDatagrams: (datagrams: Uint8Array[], from: Endpoint[]) => void,
    onError?: (error: NodeJS.ErrnoException) => void): void {
    const addon = nativeAddon();
    const arena = new BatchArena(this.options.batchSize ?? DEFAULT_BATCH_SIZE, this.options.slotBytes ?? DEFAULT_SLOT_BYTES);
    const sources = new SourceEndpoints(arena.batchSize, (bytes) => addon.addressFormat(bytes));
    addon.ioStart(this.handle, arena.buffer, arena.slotBytes, arena.lengths, sources.bytes, (count, errno) => {
      if (count > 0) deliver(arena, sources, count, onDatagrams);
      if (errno === 0) return;
      const error = errnoError(errno, 'recvmmsg');
      if (!onError) throw error;
      onError(error);
    });
  }

  send(datagrams: readonly Uint8Array[], to: readonly Endpoint[]): number {
    if (datagrams.length !== to.length) throw new Error('send: datagrams and destinations differ in length');
    if (this.closed || datagrams.length === 0) return 0;
    this.reserve(datagrams.length);
    let kept: Uint8Array[] | null = null; // only built when a destination is unusable
    let count = 0;
    for (let index = 0; index < datagrams.length; index++) {
      const record = this.destinations.recordFor(to[index] as Endpoint);
      if (record === null) {
        kept ??= datagrams.slice(0, index);
        this.invalidDestinations++;
        continue;
      }
      this.destinationBytes.set(record, count * ADDRESS_RECORD_BYTES);
      kept?.push(datagrams[index] as Uint8Array);
      count++;
    }
    return nativeAddon().udpSend(this.handle, kept ?? datagrams, this.destinationBytes, count);
  }

  counters(): IoCounters {
    const counters = nativeAddon().ioCounters(this.handle);
    return { ...counters, txDropped: counters.txDropped + this.invalidDestinations };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    nativeAddon().ioClose(this.handle);
  }

  private reserve(count: number): void {
    const needed = count * ADDRESS_RECORD_BYTES;
    if (this.destinationBytes.length >= needed) return;
    this.destinationBytes = new Uint8Array(Math.max(needed, this.destinationBytes.length * 2));
  }
}

function deliver(arena: BatchArena, sources: SourceEndpoints, count: number,
  onDatagrams: (datagrams: Uint8Array[], from: Endpoint[]) => void): void {
  const datagrams: Uint8Array[] = [];
  const from: Endpoint[] = [];
  for (let index = 0; index < count; index++) {
    const length = arena.lengths[index] ?? -1;
    if (length < 0) continue;
    datagrams.push(arena.view(index, length));
    from.push(sources.endpointAt(index));
  }
  if (datagrams.length > 0) onDatagrams(datagrams, from);
}

/**
 * Opens a non-blocking UDP socket: IPv6 with IPV6_V6ONLY=0 (IPv4 peers appear as plain IPv4 endpoints),
 * or IPv4 where the namespace has no IPv6. Throws a Node-style system error (`code` EADDRINUSE, EPERM for
 * a fwmark without CAP_NET_ADMIN…) on failure.
 */
export function openUdpSocket(options: UdpSocketOptions = {}): UdpDatagramSocket {
  const opened = nativeAddon().udpOpen(options.port ?? 0, options.fwmark ?? 0, options.bufferBytes ?? DEFAULT_BUFFER_BYTES);
  return new NativeUdpSocket(opened.handle, opened.port, opened.family, options);
}
