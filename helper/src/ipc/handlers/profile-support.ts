// Shared steps of the profile handlers: the public view, checks before storing, and the "in use" guard.
import type { WgQuickConfig } from '../../../../shared/src/config/wg-config.js';
import { fail, type FerryResult } from '../../../../shared/src/protocol/errors.js';
import type { ProfileBody } from '../../../../shared/src/protocol/methods.js';
import type { PublicProfile } from '../../../../shared/src/profile/profile-schema.js';
import { toPublicProfile, validateProfile } from '../../../../shared/src/profile/profile.js';
import type { StoredProfile } from '../../store/profile-file.js';
import type { HandlerDeps } from '../handler-types.js';

/** The only way a profile leaves ferryd: the private key replaced by its public key, PSKs by a flag. */
export function publicView(deps: HandlerDeps, profile: StoredProfile): PublicProfile {
  return toPublicProfile(profile.name, profile.config, deps.keys.publicKeyOf);
}

/** Fields a draft may leave empty: their "is required" problems only matter when connecting. */
const DRAFT_OPTIONAL_FIELDS = new Set(['peers', 'interface.addresses']);

/**
 * Problems that stop a profile from being stored. A draft without addresses or peers may be stored (create one
 * to learn its public key, fill in the server later); the daemon refuses to connect it (PROFILE_INVALID).
 */
export function checkStorable(config: WgQuickConfig): FerryResult<WgQuickConfig> {
  const problems = validateProfile(config).filter((problem) => !DRAFT_OPTIONAL_FIELDS.has(problem.field));
  if (problems.length === 0) return { ok: true, value: config };
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return fail('PROFILE_INVALID', `${first?.field}: ${first?.message}${more}`, { errors: problems });
}

/** Renaming or removing the profile of a live tunnel would strand it: refused until disconnected. */
export function refuseIfInUse<T>(deps: HandlerDeps, name: string): FerryResult<T> | null {
  const status = deps.service.status();
  if (status.profile !== name || status.state === 'disconnected') return null;
  return fail('PROFILE_IN_USE', `profile "${name}" is in use (${status.state}); disconnect first`);
}

export function notFound<T>(name: string): FerryResult<T> {
  return fail('PROFILE_NOT_FOUND', `profile "${name}" not found`);
}

/** An empty body: no address, no DNS, no peer (profile.create without input). */
export function emptyProfileBody(): ProfileBody {
  return {
    interface: { addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] },
    peers: [],
  };
}

/** A copy without the private key and preshared keys, for export to someone who is not root. */
export function withoutSecrets(config: WgQuickConfig): WgQuickConfig {
  const { privateKey: _privateKey, ...section } = config.interface;
  return {
    interface: section as WgQuickConfig['interface'],
    peers: config.peers.map(({ presharedKey: _presharedKey, ...peer }) => peer),
  };
}
