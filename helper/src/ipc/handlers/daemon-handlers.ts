// Handlers served by the daemon's service and the helper's own stores: connection, stats, settings, logs.
import { fail, ok, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { MethodParamsParsed, MethodResult } from '../../../../shared/src/protocol/methods.js';
import type { HandlerDeps } from '../handler-types.js';

export async function connect(deps: HandlerDeps, params: MethodParamsParsed<'connect'>): Promise<FerryResult<MethodResult<'connect'>>> {
  if (!deps.profiles.get(params.name)) return fail('PROFILE_NOT_FOUND', `profile "${params.name}" not found`);
  deps.logger.info('connect requested', { profile: params.name, wait: params.wait, restart: params.restart });
  return deps.service.connect(params.name, { wait: params.wait, timeoutMs: params.timeoutMs, ...(params.restart ? { restart: true } : {}) });
}

export async function disconnect(deps: HandlerDeps): Promise<FerryResult<MethodResult<'disconnect'>>> {
  deps.logger.info('disconnect requested');
  return deps.service.disconnect();
}

export function statsHistory(deps: HandlerDeps, params: MethodParamsParsed<'stats.history'>): FerryResult<MethodResult<'stats.history'>> {
  return ok({ samples: deps.service.statsHistory(params.seconds) });
}

export function settingsSet(deps: HandlerDeps, params: MethodParamsParsed<'settings.set'>): Promise<FerryResult<MethodResult<'settings.set'>>> {
  return deps.settings.set(params.key, params.value);
}

export function logsGet(deps: HandlerDeps, params: MethodParamsParsed<'logs.get'>): FerryResult<MethodResult<'logs.get'>> {
  return ok({ entries: deps.logger.entries(params.limit, params.level) });
}
