// Handlers of the split.* methods (issue 6): each one calls the split service with the caller's SO_PEERCRED identity and gives its errors their protocol codes.
import { fail, ok, type ErrorCode, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { MethodName, MethodParamsParsed, MethodResult } from '../../../../shared/src/protocol/methods.js';
import type { Status } from '../../../../shared/src/protocol/state.js';
import type { SplitService } from '../../split/split-service.js';
import type { CallContext, HandlerDeps } from '../handler-types.js';

type Outcome<M extends SplitMethodName> = Promise<FerryResult<MethodResult<M>>>;
type SplitMethodName = Extract<MethodName, `split.${string}`>;

/**
 * The engine reports `details.reason`; these reasons get codes of their own so that clients can act on them
 * without parsing messages. Everything else keeps the engine's code.
 */
const CODE_BY_REASON: Readonly<Record<string, ErrorCode>> = {
  'path-relative': 'PATH_INVALID',
  'path-missing': 'PATH_INVALID',
  'path-not-executable': 'PATH_INVALID',
  'pid-missing': 'PROCESS_NOT_FOUND',
  'no-cgroup2': 'SPLIT_UNAVAILABLE',
  'cgroup2-unreachable': 'SPLIT_UNAVAILABLE',
  'no-nftables': 'SPLIT_UNAVAILABLE',
};

export function withSplitCode<T>(result: FerryResult<T>): FerryResult<T> {
  if (result.ok) return result;
  const reason = result.error.details?.reason;
  const code = typeof reason === 'string' ? CODE_BY_REASON[reason] : undefined;
  return code === undefined ? result : { ok: false, error: { ...result.error, code } };
}

/** The service, or the error every split method answers with on a ferryd built without it. */
function service(deps: HandlerDeps): FerryResult<SplitService> {
  return deps.split ? ok(deps.split) : fail('SPLIT_UNAVAILABLE', 'this ferryd has no split tunnelling');
}

/** Who is asking, as the kernel told us; moving processes is refused when that is unknown. */
function caller(context: CallContext): FerryResult<{ pid: number; uid: number; gid: number }> {
  return context.credentials ? ok(context.credentials) : fail('FORBIDDEN', 'ferryd could not tell which process is asking');
}

/** The connection status with split tunnelling's, so `ferry status` and the app show its problems too. */
export function statusWithSplit(status: Status, deps: HandlerDeps): Status {
  return deps.split ? { ...status, split: deps.split.status() } : status;
}

const okTrue = <T>(result: FerryResult<T>): FerryResult<{ ok: true }> => (result.ok ? ok({ ok: true as const }) : result);

export async function splitGet(deps: HandlerDeps): Outcome<'split.get'> {
  const split = service(deps);
  return split.ok ? ok(split.value.status()) : split;
}

export async function splitList(deps: HandlerDeps): Outcome<'split.list'> {
  const split = service(deps);
  return split.ok ? ok(await split.value.list()) : split;
}

export async function splitSetMode(deps: HandlerDeps, params: MethodParamsParsed<'split.setMode'>): Outcome<'split.setMode'> {
  const split = service(deps);
  if (!split.ok) return split;
  deps.logger.info('split tunnelling mode requested', { mode: params.mode });
  return withSplitCode(await split.value.setMode(params.mode));
}

export async function splitAddRule(deps: HandlerDeps, params: MethodParamsParsed<'split.addRule'>): Outcome<'split.addRule'> {
  const split = service(deps);
  if (!split.ok) return split;
  const added = withSplitCode(await split.value.addRule(params.path, params.name ?? null));
  if (added.ok) deps.logger.info('split tunnelling rule added', { path: added.value.path, id: added.value.id });
  return added.ok ? ok({ rule: added.value }) : added;
}

export async function splitRemoveRule(deps: HandlerDeps, params: MethodParamsParsed<'split.removeRule'>): Outcome<'split.removeRule'> {
  const split = service(deps);
  if (!split.ok) return split;
  const removed = withSplitCode(await split.value.removeRule(params));
  if (removed.ok) deps.logger.info('split tunnelling rule removed', { ...params });
  return okTrue(removed);
}

export async function splitPid(deps: HandlerDeps, params: { pid: number }, context: CallContext, add: boolean): Promise<FerryResult<{ ok: true }>> {
  const split = service(deps);
  const who = caller(context);
  if (!split.ok) return split;
  if (!who.ok) return who;
  const moved = add ? await split.value.addPid(params.pid, who.value) : await split.value.removePid(params.pid, who.value);
  return okTrue(withSplitCode(moved));
}

export async function splitLaunch(deps: HandlerDeps, params: MethodParamsParsed<'split.launch'>, context: CallContext): Outcome<'split.launch'> {
  const split = service(deps);
  const who = caller(context);
  if (!split.ok) return split;
  if (!who.ok) return who;
  return withSplitCode(await split.value.launch(who.value, params.pid));
}

export async function splitApps(deps: HandlerDeps, params: MethodParamsParsed<'split.apps'>, context: CallContext): Outcome<'split.apps'> {
  const split = service(deps);
  const who = caller(context);
  if (!split.ok) return split;
  if (!who.ok) return who;
  const apps = await split.value.apps(who.value.uid, params.dataDirs);
  return apps.ok ? ok({ apps: apps.value }) : apps;
}

export async function splitIcon(deps: HandlerDeps, params: MethodParamsParsed<'split.icon'>, context: CallContext): Outcome<'split.icon'> {
  const split = service(deps);
  const who = caller(context);
  if (!split.ok) return split;
  if (!who.ok) return who;
  return split.value.icon(who.value.uid, params.path);
}
