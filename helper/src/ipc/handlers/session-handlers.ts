// Handlers for the session itself: hello (version check, granted access) and subscribe.
import { fail, ok, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { MethodParamsParsed, MethodResult } from '../../../../shared/src/protocol/methods.js';
import { PROTOCOL_VERSION } from '../../../../shared/src/protocol/version.js';
import type { CallContext, HandlerDeps } from '../handler-types.js';

/** Synchronous on purpose: the dispatcher marks the session as greeted before it reads the next line. */
export function hello(deps: HandlerDeps, params: MethodParamsParsed<'hello'>, context: CallContext): FerryResult<MethodResult<'hello'>> {
  if (params.protocolVersion !== PROTOCOL_VERSION) {
    return fail(
      'VERSION_MISMATCH',
      `ferryd speaks protocol version ${PROTOCOL_VERSION}, the client ${params.protocolVersion}`,
      { protocolVersion: PROTOCOL_VERSION },
    );
  }
  return ok({ protocolVersion: PROTOCOL_VERSION, access: context.access, daemonVersion: deps.daemonVersion });
}

export function subscribe(params: MethodParamsParsed<'subscribe'>, context: CallContext): FerryResult<MethodResult<'subscribe'>> {
  context.setSubscriptions(params.events);
  return ok({ ok: true });
}
