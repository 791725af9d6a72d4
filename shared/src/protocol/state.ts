// Connection states and the status document ferryd reports (DESIGN.md §4), as zod schemas.
import { z } from 'zod';
import { errorCodeSchema } from './errors.js';
import { splitStatusSchema } from './split.js';

/*
 * The connection state machine, as the daemon drives it:
 *
 *                  connect                 handshake done
 *   disconnected ──────────▶ connecting ─────────────────▶ connected
 *        ▲                     │    ▲                       │     ▲
 *        │            setup or │    │ connect     handshake │     │ handshake
 *        │            timeout  ▼    │             lost      ▼     │ done
 *        │                    error ◀──── gave up ──── reconnecting
 *        │
 *        └── disconnecting ◀── disconnect (from connecting, connected, reconnecting or error)
 *
 * `error` carries the code and message of what went wrong until the next connect or disconnect.
 */
export const CONNECTION_STATES = ['disconnected', 'connecting', 'connected', 'disconnecting', 'reconnecting', 'error'] as const;
export const connectionStateSchema = z.enum(CONNECTION_STATES);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/** What is blocking traffic outside the tunnel right now, if anything (kill switch, lockdown mode). */
export const blockedBySchema = z.enum(['killSwitch', 'lockdown']).nullable();

const isoTime = z.iso.datetime({ offset: true });
const byteCount = z.number().int().nonnegative();
const rate = z.number().nonnegative();

export const statusErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });

export const statusSchema = z.object({
  state: connectionStateSchema,
  /** When the current state was entered. */
  since: isoTime,
  profile: z.string().nullable(),
  interfaceName: z.string().nullable(),
  /** Interface addresses in CIDR form. */
  addresses: z.array(z.string()),
  /** "host:port" ("[v6]:port" for IPv6) of the peer, null when not connected. */
  endpoint: z.string().nullable(),
  lastHandshakeAt: isoTime.nullable(),
  handshakeAgeSeconds: z.number().nonnegative().nullable(),
  rxBytes: byteCount,
  txBytes: byteCount,
  /** Bytes per second, averaged over the last couple of seconds. */
  rxRateBps: rate,
  txRateBps: rate,
  /** Round-trip time through the tunnel; null until measured. */
  latencyMs: z.number().nonnegative().nullable(),
  error: statusErrorSchema.nullable(),
  blockedBy: blockedBySchema,
  /** When the block named by `blockedBy` began (kept while one block replaces another); null when nothing is blocked. */
  blockedSince: isoTime.nullable().default(null),
  /** Per-app split tunnelling (issue 6): its mode, whether it is enforced, and why not; absent from a ferryd without it. */
  split: splitStatusSchema.nullable().optional(),
});

export type Status = z.infer<typeof statusSchema>;

/** The status of a daemon with no tunnel, entered at `sinceIso`. */
export function disconnectedStatus(sinceIso: string): Status {
  return {
    state: 'disconnected',
    since: sinceIso,
    profile: null,
    interfaceName: null,
    addresses: [],
    endpoint: null,
    lastHandshakeAt: null,
    handshakeAgeSeconds: null,
    rxBytes: 0,
    txBytes: 0,
    rxRateBps: 0,
    txRateBps: 0,
    latencyMs: null,
    error: null,
    blockedBy: null,
    blockedSince: null,
  };
}
