// Zod schemas for profiles as they cross the IPC boundary: the public view (never a secret) and the create/update input.
// These check shape and bounds; the meaning of each field (valid CIDR, DNS, MTU…) is checked by validateProfile in profile.ts.
import { z } from 'zod';
import { isValidKey } from '../keys/base64-key.js';

export const PROFILE_NAME_MAX_LENGTH = 64;

/** Profile names: letters, digits, space and `_-.+=@()`; not starting with space, dot or dash. Trimmed first. */
export const profileNameSchema = z
  .string()
  .trim()
  .min(1, 'Profile name is empty')
  .max(PROFILE_NAME_MAX_LENGTH, `Profile name is longer than ${PROFILE_NAME_MAX_LENGTH} characters`)
  .regex(/^[\p{L}\p{Nd}_+=@()][\p{L}\p{M}\p{Nd} _\-.+=@()]*$/u, {
    message: "Profile name may use letters, digits, space and _-.+=@(), and may not start with a space, '.' or '-'",
  });

/** A WireGuard key as text: 44 characters of canonical base64. */
export const keyTextSchema = z.string().refine(isValidKey, {
  message: "Not a valid WireGuard key (expected 44 base64 characters ending in '=')",
});

// Bounds that keep a hostile message small; real configs are far below them.
const MAX_LIST_ITEMS = 1024;
const MAX_TEXT_LENGTH = 4096;
const MAX_PEERS = 1024;

const shortText = z.string().max(255);
const textList = z.array(shortText).max(MAX_LIST_ITEMS);
// A newline would let a hook smuggle extra lines into an exported wg-quick file.
const hookList = z.array(z.string().max(MAX_TEXT_LENGTH).regex(/^[^\r\n]*$/, 'Hook scripts are one line each')).max(64);
const port = z.number().int().min(0).max(65535);

export const tableSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('off') }),
  z.object({ kind: z.literal('id'), id: z.number().int().min(0).max(0xffffffff) }),
  z.object({ kind: z.literal('name'), name: shortText.min(1) }),
]);

export const endpointSchema = z.object({ host: shortText.min(1), port });

/** [Interface] fields shared by the public view and the input; no private key. */
const interfaceFields = {
  addresses: textList,
  dns: textList,
  dnsSearch: textList,
  mtu: z.number().int().min(0).max(65535).optional(),
  listenPort: port.optional(),
  fwMark: z.number().int().min(0).max(0xffffffff).optional(),
  table: tableSchema.optional(),
  /** Hook scripts are kept for export but Ferry never runs them. */
  preUp: hookList,
  postUp: hookList,
  preDown: hookList,
  postDown: hookList,
  saveConfig: z.boolean().optional(),
};

/** [Peer] fields shared by the public view and the input; no preshared key. */
const peerFields = {
  publicKey: keyTextSchema,
  allowedIps: textList,
  endpoint: endpointSchema.optional(),
  persistentKeepalive: z.number().int().min(0).max(65535).optional(),
};

/** What the helper sends about a profile: the interface's public key instead of its private key, and only whether a PSK exists. */
export const publicProfileSchema = z.object({
  name: profileNameSchema,
  interface: z.object({ ...interfaceFields, publicKey: keyTextSchema }),
  peers: z.array(z.object({ ...peerFields, hasPresharedKey: z.boolean() })).max(MAX_PEERS),
});

/**
 * Create/update input. `privateKey` absent: keep the existing one (update) or let the helper generate one (create).
 * `presharedKey` absent: keep the peer's existing PSK (matched by public key) or none; null: remove it.
 */
export const profileInputSchema = z.object({
  name: profileNameSchema,
  interface: z.object({ ...interfaceFields, privateKey: keyTextSchema.optional() }),
  peers: z.array(z.object({ ...peerFields, presharedKey: keyTextSchema.nullable().optional() })).max(MAX_PEERS),
});

export type PublicProfile = z.infer<typeof publicProfileSchema>;
export type PublicInterface = PublicProfile['interface'];
export type PublicPeer = PublicProfile['peers'][number];
export type ProfileInput = z.infer<typeof profileInputSchema>;
export type ProfileInterfaceInput = ProfileInput['interface'];
export type ProfilePeerInput = ProfileInput['peers'][number];
