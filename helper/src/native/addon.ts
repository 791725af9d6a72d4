// Loads ferry_native.node (helper/native, built by `npm install`) and describes the functions it exports.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An open TUN device or UDP socket inside the addon; closed by `ioClose`. */
export type NativeHandle = { readonly __nativeHandle: unique symbol };

export interface IoCounters {
  rxPackets: number;
  /** Received but not delivered (a datagram larger than its arena slot). */
  rxDropped: number;
  txPackets: number;
  /** Refused by the kernel, the device or socket full (EAGAIN), or an unusable destination. */
  txDropped: number;
  /** errno of the last refused write or send, 0 if none. */
  lastTxErrno: number;
}

export interface NativeAddon {
  constants: { addressRecordBytes: number; maxBatch: number };
  /** Starts the uv_poll reader: each readiness event fills up to `lengths.length` slots of `arena`
   *  (`slotBytes` apart; a negative length marks a dropped slot) and calls `onBatch` once.
   *  A non-zero errno is fatal: the reader has stopped. */
  ioStart(handle: NativeHandle, arena: ArrayBuffer, slotBytes: number, lengths: Int32Array,
    addresses: Uint8Array | null, onBatch: (count: number, errno: number) => void): void;
  ioClose(handle: NativeHandle): void;
  ioCounters(handle: NativeHandle): IoCounters;
  /** `offload`: ask for vnet headers and TSO; the result says whether the kernel agreed. */
  tunOpen(name: string, offload: boolean): { handle: NativeHandle; name: string; offload: boolean };
  tunWrite(handle: NativeHandle, packets: readonly Uint8Array[], count: number): number;
  udpOpen(port: number, fwmark: number, bufferBytes: number): { handle: NativeHandle; port: number; family: 4 | 6 };
  /** `destinations` holds one 20-byte address record per datagram. */
  udpSend(handle: NativeHandle, datagrams: readonly Uint8Array[], destinations: Uint8Array, count: number): number;
  /** 16 bytes (IPv4 as v4-mapped IPv6), or null if `text` is not an IP literal. */
  addressParse(text: string): Uint8Array | null;
  /** Text of 16 address bytes; v4-mapped addresses come out as plain IPv4. */
  addressFormat(bytes: Uint8Array): string;
  peerCredentials(fd: number): { pid: number; uid: number; gid: number };
  setSocketMark(fd: number, mark: number): void;
}

const ADDON_PATH_IN_PACKAGE = join('helper', 'native', 'build', 'Release', 'ferry_native.node');

let loaded: NativeAddon | undefined;

/** The package root is the nearest folder with a package.json, from src/ or from dist/ alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Ferry package root not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

/** Loaded on first use, so code that merely imports a wrapper runs where the addon is not built. */
export function nativeAddon(): NativeAddon {
  if (loaded) return loaded;
  const path = join(packageRoot(), ADDON_PATH_IN_PACKAGE);
  if (!existsSync(path)) throw new Error(`Ferry's native addon is not built: run npm install (missing ${path})`);
  loaded = createRequire(import.meta.url)(path) as NativeAddon;
  return loaded;
}
