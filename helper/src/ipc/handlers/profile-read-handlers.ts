// Handlers that read profiles: list, show, and export as wg-quick text (secrets only for root, on request).
import { serializeWgQuickConfig } from '../../../../shared/src/config/wg-quick-serializer.js';
import { fail, ok, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { MethodParamsParsed, MethodResult } from '../../../../shared/src/protocol/methods.js';
import type { CallContext, HandlerDeps } from '../handler-types.js';
import { notFound, publicView, withoutSecrets } from './profile-support.js';

export function listProfiles(deps: HandlerDeps): FerryResult<MethodResult<'profile.list'>> {
  return ok({ profiles: deps.profiles.list().map((profile) => publicView(deps, profile)) });
}

export function showProfile(deps: HandlerDeps, params: MethodParamsParsed<'profile.show'>): FerryResult<MethodResult<'profile.show'>> {
  const profile = deps.profiles.get(params.name);
  return profile ? ok({ profile: publicView(deps, profile) }) : notFound(params.name);
}

/** The private key (and PSKs) leave ferryd only when root asks explicitly: `ferry profile export --include-private-key`. */
export function exportProfile(
  deps: HandlerDeps,
  params: MethodParamsParsed<'profile.export'>,
  context: CallContext,
): FerryResult<MethodResult<'profile.export'>> {
  const profile = deps.profiles.get(params.name);
  if (!profile) return notFound(params.name);
  if (params.includePrivateKey && context.credentials?.uid !== 0) {
    return fail('FORBIDDEN', 'only root may export private keys');
  }
  if (params.includePrivateKey) deps.logger.warn('private key exported', { profile: params.name, pid: context.credentials?.pid });
  const config = params.includePrivateKey ? profile.config : withoutSecrets(profile.config);
  return ok({ text: serializeWgQuickConfig(config) });
}
