// Turns one inbound line into one response: JSON, envelope, greeting, access and params checks, then the handler.
import type { z } from 'zod';
import type { ErrorCode, FerryResult } from '../../../shared/src/protocol/errors.js';
import { ferryError } from '../../../shared/src/protocol/errors.js';
import { requestIdSchema, requestSchema, type RequestId, type ResponseEnvelope } from '../../../shared/src/protocol/envelopes.js';
import { isMethodName, methods, type MethodName } from '../../../shared/src/protocol/methods.js';
import type { CallContext, Handler, HandlerTable } from './handler-types.js';

export interface SessionState {
  /** Set by a successful hello; until then only hello is served. */
  greeted: boolean;
  readonly context: CallContext;
}

/** Called when a handler throws: that is a bug, reported as INTERNAL without its details. */
export type BugReporter = (method: string, error: unknown) => void;

function errorReply(id: RequestId | null, code: ErrorCode, message?: string, details?: Record<string, unknown>): ResponseEnvelope {
  return { id, error: ferryError(code, message, details) };
}

/** The id of a request that failed validation, if one can be read, so the client can match the error. */
function salvageId(json: unknown): RequestId | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = requestIdSchema.safeParse(json.id);
  return id.success ? id.data : null;
}

/** The id of a raw line, if it is JSON with a valid id: used to answer lines that are refused unread. */
export function salvageRequestId(text: string): RequestId | null {
  const parsed = parseJson(text);
  return parsed.ok ? salvageId(parsed.json) : null;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function finish(id: RequestId, result: FerryResult<unknown>): ResponseEnvelope {
  return result.ok ? { id, result: result.value } : { id, error: result.error };
}

function parseJson(text: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Synchronous up to the handler call, and synchronous throughout for synchronous handlers (hello), so the
 * session is marked as greeted before the next line of the same chunk is read.
 */
export function dispatchLine(text: string, session: SessionState, table: HandlerTable, reportBug: BugReporter): ResponseEnvelope | Promise<ResponseEnvelope> {
  const parsed = parseJson(text);
  if (!parsed.ok) return errorReply(null, 'INVALID_JSON');
  const envelope = requestSchema.safeParse(parsed.json);
  if (!envelope.success) return errorReply(salvageId(parsed.json), 'BAD_REQUEST', undefined, { issues: issuesOf(envelope.error) });
  const { id, method } = envelope.data;
  if (!isMethodName(method)) return errorReply(id, 'UNKNOWN_METHOD', `no such method "${method}"`, { method });
  if (!session.greeted && method !== 'hello') return errorReply(id, 'HELLO_REQUIRED');
  const spec = methods[method];
  if (spec.access === 'write' && session.context.access !== 'write') {
    return errorReply(id, 'FORBIDDEN', `${method} needs root or membership of the ferry group`);
  }
  const params = spec.params.safeParse(envelope.data.params ?? {});
  if (!params.success) return errorReply(id, 'INVALID_PARAMS', undefined, { issues: issuesOf(params.error) });
  return invoke(id, method, params.data, session, table, reportBug);
}

function invoke(id: RequestId, method: MethodName, params: unknown, session: SessionState, table: HandlerTable, reportBug: BugReporter): ResponseEnvelope | Promise<ResponseEnvelope> {
  const internal = (error: unknown): ResponseEnvelope => {
    reportBug(method, error);
    return errorReply(id, 'INTERNAL');
  };
  const onResult = (result: FerryResult<unknown>): ResponseEnvelope => {
    if (method === 'hello' && result.ok) session.greeted = true;
    return finish(id, result);
  };
  try {
    // The table is indexed by a union of names; params were parsed by that method's own schema above.
    const outcome = (table[method] as Handler<MethodName>)(params as never, session.context);
    return outcome instanceof Promise ? outcome.then(onResult, internal) : onResult(outcome);
  } catch (error) {
    return internal(error);
  }
}

