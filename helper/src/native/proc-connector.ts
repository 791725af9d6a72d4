// The kernel's process connector (NETLINK_CONNECTOR, CN_IDX_PROC) through the native addon: exec and fork events in batches.
import os from 'node:os';
import { nativeAddon, type NativeAddon, type NativeHandle } from './addon.js';
import { BatchArena } from './batch-arena.js';
import { errnoError } from './errno-error.js';

/**
 * What the split-tunnel watcher hears about processes. `timestampNs` is the kernel's CLOCK_MONOTONIC time of
 * the event (the clock of `process.hrtime.bigint()`), so the delay until a process is caught can be measured.
 */
export type ProcEvent =
  | { kind: 'exec'; pid: number; timestampNs: bigint }
  | { kind: 'fork'; pid: number; parentPid: number; timestampNs: bigint }
  /** The kernel confirmed the subscription: events will flow. */
  | { kind: 'ack'; errno: number }
  /** The socket buffer overflowed and events were lost: rescan /proc. */
  | { kind: 'overrun' };

export interface ProcEventSource {
  /** Starts delivering events; a fatal read error stops the source and goes to `onError`. */
  start(onEvents: (events: ProcEvent[]) => void, onError: (error: Error) => void): void;
  close(): void;
}

interface ProcConnectorAddon extends NativeAddon {
  constants: NativeAddon['constants'] & { procRecordBytes: number };
  procConnectorOpen(bufferBytes: number): NativeHandle;
}

const KIND_ACK = 0;
const KIND_FORK = 1;
const KIND_EXEC = 2;
const KIND_OVERRUN = 0xffff;
const LITTLE_ENDIAN = os.endianness() === 'LE';

/** Decodes one record (layout in proc-connector.h: kind, pid, parent or errno, zero, timestamp). */
export function decodeProcRecord(view: DataView): ProcEvent | null {
  const kind = view.getUint32(0, LITTLE_ENDIAN);
  const pid = view.getInt32(4, LITTLE_ENDIAN);
  const other = view.getInt32(8, LITTLE_ENDIAN);
  const timestampNs = view.getBigUint64(16, LITTLE_ENDIAN);
  if (kind === KIND_EXEC) return { kind: 'exec', pid, timestampNs };
  if (kind === KIND_FORK) return { kind: 'fork', pid, parentPid: other, timestampNs };
  if (kind === KIND_ACK) return { kind: 'ack', errno: other };
  if (kind === KIND_OVERRUN) return { kind: 'overrun' };
  return null;
}

class NativeProcConnector implements ProcEventSource {
  private closed = false;

  constructor(private readonly handle: NativeHandle, private readonly batchSize: number) {}

  start(onEvents: (events: ProcEvent[]) => void, onError: (error: Error) => void): void {
    const addon = nativeAddon() as ProcConnectorAddon;
    const arena = new BatchArena(this.batchSize, addon.constants.procRecordBytes);
    addon.ioStart(this.handle, arena.buffer, arena.slotBytes, arena.lengths, null, (count, errno) => {
      const events: ProcEvent[] = [];
      for (let index = 0; index < count; index++) {
        const view = new DataView(arena.buffer, index * arena.slotBytes, arena.slotBytes);
        const event = decodeProcRecord(view);
        if (event) events.push(event);
      }
      if (events.length > 0) onEvents(events);
      if (errno !== 0) onError(errnoError(errno, 'recv NETLINK_CONNECTOR'));
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    nativeAddon().ioClose(this.handle);
  }
}

export interface ProcConnectorOptions {
  /** Kernel receive buffer; a burst of forks beyond it is an overrun (then /proc is rescanned). */
  bufferBytes?: number;
  /** Events delivered per callback at most. */
  batchSize?: number;
}

/**
 * Opens and subscribes a connector socket. Needs CAP_NET_ADMIN; throws a Node-style system error when the
 * kernel refuses (EPERM, EPROTONOSUPPORT without CONFIG_PROC_EVENTS, ECONNREFUSED outside the initial network
 * namespace). Outside the initial PID namespace it opens but stays silent: wait for the `ack` event.
 */
export function openProcConnector(options: ProcConnectorOptions = {}): ProcEventSource {
  const addon = nativeAddon() as ProcConnectorAddon;
  const handle = addon.procConnectorOpen(options.bufferBytes ?? 4 * 1024 * 1024);
  return new NativeProcConnector(handle, options.batchSize ?? 256);
}
