// The on-disk form of a profile (schema version 1): `{version, name, config}` with the full wg-quick model.
import { z } from 'zod';
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import { endpointSchema, keyTextSchema, profileNameSchema, tableSchema } from '../../../shared/src/profile/profile-schema.js';

export const PROFILE_FILE_VERSION = 1;

const textList = z.array(z.string());

// A stored profile always has its private key: ferryd generates one when the input has none.
const interfaceSchema = z.object({
  privateKey: keyTextSchema,
  listenPort: z.number().int().min(0).max(65535).optional(),
  fwMark: z.number().int().min(0).max(0xffffffff).optional(),
  addresses: textList,
  dns: textList,
  dnsSearch: textList,
  mtu: z.number().int().min(0).max(65535).optional(),
  table: tableSchema.optional(),
  preUp: textList,
  postUp: textList,
  preDown: textList,
  postDown: textList,
  saveConfig: z.boolean().optional(),
});

const peerSchema = z.object({
  publicKey: keyTextSchema,
  presharedKey: keyTextSchema.optional(),
  allowedIps: textList,
  endpoint: endpointSchema.optional(),
  persistentKeepalive: z.number().int().min(0).max(65535).optional(),
});

export const wgQuickConfigSchema: z.ZodType<WgQuickConfig> = z.object({ interface: interfaceSchema, peers: z.array(peerSchema) });

export const profileFileSchema = z.object({
  version: z.literal(PROFILE_FILE_VERSION),
  name: profileNameSchema,
  config: wgQuickConfigSchema,
});

export interface StoredProfile {
  name: string;
  /** The whole configuration including the private key: it never leaves ferryd through the IPC. */
  config: WgQuickConfig;
}

export function encodeProfileFile(profile: StoredProfile): string {
  return `${JSON.stringify({ version: PROFILE_FILE_VERSION, name: profile.name, config: profile.config }, null, 2)}\n`;
}

export type ProfileFileDecode = { ok: true; profile: StoredProfile } | { ok: false; problem: string };

/** Parses a profile file's text; a problem is described for the log, never thrown. */
export function decodeProfileFile(text: string): ProfileFileDecode {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not valid JSON' };
  }
  const parsed = profileFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid' };
  }
  return { ok: true, profile: { name: parsed.data.name, config: parsed.data.config } };
}
