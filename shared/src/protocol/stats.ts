// One traffic/latency sample of the active tunnel, pushed about twice a second (DESIGN.md §4).
import { z } from 'zod';

const count = z.number().int().nonnegative();
const nonNegative = z.number().nonnegative();

export const statsSampleSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  rxBytes: count,
  txBytes: count,
  /** Bytes per second. */
  rxRateBps: nonNegative,
  txRateBps: nonNegative,
  rxPackets: count,
  txPackets: count,
  handshakeAgeSeconds: nonNegative.nullable(),
  latencyMs: nonNegative.nullable(),
  jitterMs: nonNegative.nullable(),
  lossPercent: z.number().min(0).max(100).nullable(),
});

export type StatsSample = z.infer<typeof statsSampleSchema>;

/** A sample with no traffic and nothing measured, e.g. while disconnected. */
export function emptyStatsSample(atIso: string): StatsSample {
  return {
    at: atIso,
    rxBytes: 0,
    txBytes: 0,
    rxRateBps: 0,
    txRateBps: 0,
    rxPackets: 0,
    txPackets: 0,
    handshakeAgeSeconds: null,
    latencyMs: null,
    jitterMs: null,
    lossPercent: null,
  };
}
