// The three message envelopes on the wire: request, response and event (DESIGN.md §4).
import { z } from 'zod';
import { ferryErrorSchema } from './errors.js';

/** Request ids are chosen by the client and echoed back; numbers or short strings. */
export const requestIdSchema = z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(64)]);
export type RequestId = z.infer<typeof requestIdSchema>;

export const requestSchema = z.strictObject({
  id: requestIdSchema,
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
});
export type RequestEnvelope = z.infer<typeof requestSchema>;

/** A response's id is null only when the request was too broken to read one from. */
export const successResponseSchema = z.strictObject({ id: requestIdSchema, result: z.unknown() });
export const errorResponseSchema = z.strictObject({ id: requestIdSchema.nullable(), error: ferryErrorSchema });
export const responseSchema = z.union([successResponseSchema, errorResponseSchema]);
export type ResponseEnvelope = z.infer<typeof responseSchema>;

export const eventEnvelopeSchema = z.strictObject({ event: z.string().min(1), data: z.unknown() });
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

/** Anything the daemon sends: a response or an event. */
export const serverMessageSchema = z.union([successResponseSchema, errorResponseSchema, eventEnvelopeSchema]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
