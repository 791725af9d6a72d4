// Handlers that change profiles: import wg-quick text, create (with a new key pair), update, rename, remove.
import { parseWgQuickConfig } from '../../../../shared/src/config/wg-quick-parser.js';
import { encodeKey } from '../../../../shared/src/keys/base64-key.js';
import { fail, ok, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { MethodParamsParsed, MethodResult } from '../../../../shared/src/protocol/methods.js';
import { applyProfileInput } from '../../../../shared/src/profile/profile.js';
import type { HandlerDeps } from '../handler-types.js';
import { checkStorable, emptyProfileBody, notFound, publicView, refuseIfInUse } from './profile-support.js';

type Outcome<M extends 'profile.import' | 'profile.create' | 'profile.update' | 'profile.rename' | 'profile.remove'> = Promise<
  FerryResult<MethodResult<M>>
>;

/** "imported", then "imported-2", … : the first free name for an import that did not name itself. */
function freeName(deps: HandlerDeps, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!deps.profiles.get(name)) return name;
  }
}

export async function importProfile(deps: HandlerDeps, params: MethodParamsParsed<'profile.import'>): Outcome<'profile.import'> {
  const parsed = parseWgQuickConfig(params.text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
    const where = first && first.line > 0 ? `line ${first.line}: ` : '';
    return fail('CONFIG_PARSE_ERROR', `cannot parse the configuration: ${where}${first?.message ?? 'invalid'}${more}`, { errors: parsed.errors });
  }
  const checked = checkStorable(parsed.config);
  if (!checked.ok) return checked;
  const saved = await deps.profiles.create(params.name ?? freeName(deps, 'imported'), checked.value);
  if (!saved.ok) return saved;
  deps.logger.info('profile imported', { profile: saved.value.name, ignored: parsed.ignored.length });
  return ok({ profile: publicView(deps, saved.value), ignored: parsed.ignored });
}

export async function createProfile(deps: HandlerDeps, params: MethodParamsParsed<'profile.create'>): Outcome<'profile.create'> {
  const config = applyProfileInput({ name: params.name, ...(params.input ?? emptyProfileBody()) });
  config.interface.privateKey ??= encodeKey(deps.keys.generatePrivateKey());
  const checked = checkStorable(config);
  if (!checked.ok) return checked;
  const saved = await deps.profiles.create(params.name, checked.value);
  if (!saved.ok) return saved;
  deps.logger.info('profile created', { profile: params.name });
  return ok({ profile: publicView(deps, saved.value) });
}

export async function updateProfile(deps: HandlerDeps, params: MethodParamsParsed<'profile.update'>): Outcome<'profile.update'> {
  const previous = deps.profiles.get(params.name);
  if (!previous) return notFound(params.name);
  const checked = checkStorable(applyProfileInput({ name: params.name, ...params.input }, previous.config));
  if (!checked.ok) return checked;
  const saved = await deps.profiles.update(params.name, checked.value);
  if (!saved.ok) return saved;
  deps.logger.info('profile updated', { profile: params.name });
  return ok({ profile: publicView(deps, saved.value) });
}

export async function renameProfile(deps: HandlerDeps, params: MethodParamsParsed<'profile.rename'>): Outcome<'profile.rename'> {
  const inUse = refuseIfInUse<MethodResult<'profile.rename'>>(deps, params.name);
  if (inUse) return inUse;
  const renamed = await deps.profiles.rename(params.name, params.newName);
  if (!renamed.ok) return renamed;
  if (deps.settings.get().autoConnectProfile === params.name) await deps.settings.set('autoConnectProfile', params.newName);
  deps.logger.info('profile renamed', { profile: params.name, newName: params.newName });
  return ok({ profile: publicView(deps, renamed.value) });
}

export async function removeProfile(deps: HandlerDeps, params: MethodParamsParsed<'profile.remove'>): Outcome<'profile.remove'> {
  const inUse = refuseIfInUse<MethodResult<'profile.remove'>>(deps, params.name);
  if (inUse) return inUse;
  const removed = await deps.profiles.remove(params.name);
  if (!removed.ok) return removed;
  if (deps.settings.get().autoConnectProfile === params.name) await deps.settings.set('autoConnectProfile', null);
  deps.logger.info('profile removed', { profile: params.name });
  return ok({ ok: true });
}
