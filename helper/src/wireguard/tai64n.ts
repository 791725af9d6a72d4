// TAI64N timestamps for handshake initiations (whitepaper §5.4.2, wireguard-go tai64n), whitened to ~16.8 ms.
export const TAI64N_BYTES = 12;

// 2^62 + 10: the TAI64 label of the Unix epoch as wireguard-go and the kernel write it (leap seconds ignored).
const TAI64_BASE_HIGH = 0x4000_0000;
const TAI64_BASE_LOW = 10;
const TWO_POW_32 = 2 ** 32;
/** Clearing the low 24 bits of the nanoseconds keeps a timestamp from leaking fine-grained timing. */
const WHITENER_MASK = 0xff_ffff;

/** The 12-byte TAI64N stamp of a wall-clock time in Unix milliseconds (fractions allowed). */
export function tai64n(wallMs: number): Uint8Array {
  const seconds = Math.floor(wallMs / 1000);
  const nanoseconds = Math.min(999_999_999, Math.floor((wallMs - seconds * 1000) * 1e6));
  const whitened = (nanoseconds & ~WHITENER_MASK) >>> 0;
  const lowSum = TAI64_BASE_LOW + seconds;
  const low = lowSum % TWO_POW_32;
  const high = TAI64_BASE_HIGH + (lowSum - low) / TWO_POW_32;
  const out = new Uint8Array(TAI64N_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, high);
  view.setUint32(4, low);
  view.setUint32(8, whitened);
  return out;
}

/** True when stamp `a` is strictly later than `b` (big-endian bytewise order), the responder's replay rule. */
export function tai64nAfter(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < TAI64N_BYTES; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}
