// The profile text editor's model: wg-quick text checked by the shared parser (errors carry their line) and turned into
// profile.update input. Keys the text leaves out (PrivateKey, PresharedKey) are kept by ferryd, never shown or sent back.
import type { ConfigError, ConfigNotice } from '../../../../../shared/src/config/wg-config.js';
import { parseWgQuickConfig } from '../../../../../shared/src/config/wg-quick-parser.js';
import { serializeWgQuickConfig } from '../../../../../shared/src/config/wg-quick-serializer.js';
import type { ProfileBody } from '../../../../../shared/src/protocol/methods.js';
import type { PublicProfile } from '../../../../../shared/src/profile/profile-schema.js';
import { validateProfile } from '../../../../../shared/src/profile/profile.js';
import { configFromProfile } from './profile-body.js';

export type RawCheck =
  | { ok: true; body: ProfileBody; notices: ConfigNotice[]; missing: string[] }
  | { ok: false; errors: ConfigError[] };

/** Problems a draft may have (ferryd stores it; connecting needs them fixed). */
const DRAFT_FIELDS = new Set(['interface.addresses', 'peers']);

/** validateProfile's field names → the wg-quick key that holds them. */
const KEY_OF_FIELD: Record<string, string> = {
  privateKey: 'PrivateKey', addresses: 'Address', dns: 'DNS', dnsSearch: 'DNS', mtu: 'MTU', listenPort: 'ListenPort',
  fwMark: 'FwMark', table: 'Table', publicKey: 'PublicKey', presharedKey: 'PresharedKey', allowedIps: 'AllowedIPs',
  endpoint: 'Endpoint', persistentKeepalive: 'PersistentKeepalive',
};

/** The text shown for a profile: canonical wg-quick without secrets, headed by a note on the keys Ferry keeps. */
export function rawTextOf(profile: PublicProfile): string {
  const note = '# PrivateKey and PresharedKey stay in Ferry: left out, they are kept.\n';
  return note + serializeWgQuickConfig(configFromProfile(profile));
}

/** Best effort: the 1-based line of `interface.mtu` or `peers.1.endpoint` in the text, 0 if not found. */
export function lineOfField(text: string, field: string): number {
  const [section, second, third] = field.split('.');
  const peerIndex = section === 'peers' ? Number(second) : -1;
  const key = KEY_OF_FIELD[(section === 'peers' ? third : second) ?? ''];
  let peersSeen = -1;
  let inTarget = false;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [index, line] of lines.entries()) {
    const header = /^\s*\[(\w+)\]/.exec(line)?.[1]?.toLowerCase();
    if (header !== undefined) {
      if (header === 'peer') peersSeen++;
      inTarget = section === 'peers' ? header === 'peer' && peersSeen === peerIndex : header === 'interface';
      if (inTarget && key === undefined) return index + 1;
    } else if (inTarget && key !== undefined && new RegExp(`^\\s*${key}\\s*=`, 'i').test(line)) {
      return index + 1;
    }
  }
  return 0;
}

/** Parses and validates the text; on success the update input keeps stored keys the text does not name. */
export function checkRawText(text: string): RawCheck {
  const parsed = parseWgQuickConfig(text, { requirePrivateKey: false });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { config } = parsed;
  const missing: string[] = [];
  const errors: ConfigError[] = [];
  for (const problem of validateProfile(config, { requirePrivateKey: false })) {
    if (DRAFT_FIELDS.has(problem.field)) missing.push(problem.message);
    else {
      const line = lineOfField(text, problem.field);
      errors.push({ line, message: line > 0 ? `Line ${line}: ${problem.message}` : problem.message });
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  // The parser gives each peer only the PSK the text names; absent means "keep", as profile.update reads it.
  return { ok: true, body: { interface: config.interface, peers: config.peers }, notices: parsed.ignored, missing };
}
