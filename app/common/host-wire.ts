// Messages between the renderer and the browser host over its WebSocket (JSON text frames), checked with zod on receipt.
import { z } from 'zod';
import { ferryErrorSchema } from '../../shared/src/protocol/errors.js';

/** The WebSocket path of the browser host; the per-run token goes in the `token` query parameter. */
export const HOST_SOCKET_PATH = '/ferry';
/** Largest frame either side accepts (logs.get replies are the biggest). */
export const MAX_HOST_FRAME_BYTES = 8 * 1024 * 1024;

/** Page → host: a method call. */
export const hostRequestSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
});
export type HostRequest = z.infer<typeof hostRequestSchema>;

const unavailableReasonSchema = z.enum([
  'no-socket', 'refused', 'not-root-owned', 'permission-denied', 'version-mismatch', 'protocol-error', 'host-gone',
]);

export const bridgeConnectionSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connecting') }),
  z.object({ status: z.literal('ready'), access: z.enum(['read', 'write']), daemonVersion: z.string() }),
  z.object({ status: z.literal('service-unavailable'), reason: unavailableReasonSchema, message: z.string() }),
]);

/** Host → page: a reply, a ferryd event (data already checked by the bridge), or a change of the link to ferryd. */
export const hostMessageSchema = z.union([
  z.strictObject({ kind: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.strictObject({ kind: z.literal('error'), id: z.number().int(), error: ferryErrorSchema }),
  z.strictObject({ kind: z.literal('event'), event: z.string(), data: z.unknown() }),
  z.strictObject({ kind: z.literal('connection'), connection: bridgeConnectionSchema }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;
