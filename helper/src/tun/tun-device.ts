// The TypeScript face of the native Linux TUN device: batched reads on libuv readiness, batched writes.
import { nativeAddon, type IoCounters, type NativeHandle } from '../native/addon.js';
import { BatchArena } from '../native/batch-arena.js';
import { errnoError } from '../native/errno-error.js';

export interface TunDevice {
  /** The name the kernel gave (a pattern such as `ferry%d` is resolved). */
  readonly name: string;
  /** True when TCP offloads are on: reads come as MTU-sized segments and writes are coalesced, both natively. */
  readonly offload: boolean;
  /**
   * Start delivering inner packets in batches (views into a reused arena: valid only during the callback).
   * A fatal read error (the interface was deleted…) stops the reader and goes to `onError`; without one it
   * is thrown, which surfaces as 'uncaughtException'.
   */
  start(onPackets: (packets: Uint8Array[]) => void, onError?: (error: NodeJS.ErrnoException) => void): void;
  /** Batched write; returns the count written. Packets the device refuses or cannot queue are dropped. */
  write(packets: readonly Uint8Array[]): number;
  counters(): IoCounters;
  close(): void;
}

export interface TunOptions {
  /** Packets read per readiness event at most (wireguard-go reads 128). */
  batchSize?: number;
  /** Arena slot per packet; 65536 holds any packet a TUN of any MTU can give. */
  slotBytes?: number;
  /** TCP segmentation/coalescing offloads (IFF_VNET_HDR + TSO, done in the addon); default true. */
  offload?: boolean;
}

const DEFAULT_BATCH_SIZE = 128;
const DEFAULT_SLOT_BYTES = 65536;

class NativeTunDevice implements TunDevice {
  private closed = false;

  constructor(readonly name: string, readonly offload: boolean, private readonly handle: NativeHandle,
    private readonly options: TunOptions) {}

  start(onPackets: (packets: Uint8Array[]) => void, onError?: (error: NodeJS.ErrnoException) => void): void {
    const arena = new BatchArena(this.options.batchSize ?? DEFAULT_BATCH_SIZE, this.options.slotBytes ?? DEFAULT_SLOT_BYTES);
    nativeAddon().ioStart(this.handle, arena.buffer, arena.slotBytes, arena.lengths, null, (count, errno) => {
      if (count > 0) onPackets(collectPackets(arena, count));
      if (errno === 0) return;
      const error = errnoError(errno, `read ${this.name}`);
      if (!onError) throw error;
      onError(error);
    });
  }

  write(packets: readonly Uint8Array[]): number {
    if (this.closed || packets.length === 0) return 0;
    return nativeAddon().tunWrite(this.handle, packets, packets.length);
  }

  counters(): IoCounters {
    return nativeAddon().ioCounters(this.handle);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    nativeAddon().ioClose(this.handle);
  }
}

function collectPackets(arena: BatchArena, count: number): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const length = arena.lengths[index] ?? -1;
    if (length >= 0) packets.push(arena.view(index, length));
  }
  return packets;
}

/**
 * Creates (or attaches to) the TUN interface `name` with IFF_TUN|IFF_NO_PI, and IFF_VNET_HDR with TSO when offloads
 * are on (the kernel then hands over 64 KiB TCP super-packets, which the addon cuts to MTU-sized segments, and takes
 * coalesced writes). Either way JS sees plain IP packets. Needs CAP_NET_ADMIN; throws a Node-style system error
 * (`code` EPERM, EBUSY, EINVAL…) on failure.
 */
export function openTun(name: string, options: TunOptions = {}): TunDevice {
  const opened = nativeAddon().tunOpen(name, options.offload ?? true);
  return new NativeTunDevice(opened.name, opened.offload, opened.handle, options);
}
