// The method table of the ferryd protocol: every method's params, result and required access (DESIGN.md §4).
import { z } from 'zod';
import { profileInputSchema, profileNameSchema, publicProfileSchema } from '../profile/profile-schema.js';
import { logEntrySchema, logLevelSchema } from './log.js';
import { settingsSchema } from './settings.js';
import { splitMethods } from './split.js';
import { statusSchema } from './state.js';
import { statsSampleSchema } from './stats.js';

/** 'read' methods are open to every local user; 'write' methods need root or the ferry group. */
export const accessSchema = z.enum(['read', 'write']);
export type Access = z.infer<typeof accessSchema>;

export const EVENT_NAMES = ['state', 'stats', 'log', 'profiles', 'settings', 'split'] as const;
export const eventNameSchema = z.enum(EVENT_NAMES);
export type EventName = z.infer<typeof eventNameSchema>;

/** Something in a config file that Ferry keeps but does not act on (mirrors ConfigNotice). */
export const configNoticeSchema = z.object({ line: z.number().int().nonnegative(), key: z.string(), message: z.string() });

/** The body of a profile input: everything but its name, which the method takes separately. */
export const profileBodySchema = profileInputSchema.omit({ name: true });
export type ProfileBody = z.infer<typeof profileBodySchema>;

const noParams = z.strictObject({});
const nameParams = z.strictObject({ name: profileNameSchema });
const profileResult = z.object({ profile: publicProfileSchema });
const okResult = z.object({ ok: z.literal(true) });

/** Largest wg-quick file accepted by profile.import (well under the 1 MiB line cap). */
export const MAX_CONFIG_TEXT_BYTES = 256 * 1024;
/** Longest wait a client may ask of connect. */
export const MAX_CONNECT_TIMEOUT_MS = 5 * 60_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
export const MAX_LOG_ENTRIES = 2000;
export const MAX_HISTORY_SECONDS = 24 * 3600;

function method<P extends z.ZodType, R extends z.ZodType, A extends Access>(params: P, result: R, access: A) {
  return { params, result, access };
}

export const methods = {
  hello: method(
    z.strictObject({ protocolVersion: z.number().int(), client: z.string().max(100) }),
    z.object({ protocolVersion: z.number().int(), access: accessSchema, daemonVersion: z.string() }),
    'read',
  ),
  status: method(noParams, statusSchema, 'read'),
  'profile.list': method(noParams, z.object({ profiles: z.array(publicProfileSchema) }), 'read'),
  'profile.show': method(nameParams, profileResult, 'read'),
  'profile.import': method(
    z.strictObject({ name: profileNameSchema.optional(), text: z.string().max(MAX_CONFIG_TEXT_BYTES) }),
    z.object({ profile: publicProfileSchema, ignored: z.array(configNoticeSchema) }),
    'write',
  ),
  /** Generates the interface's key pair unless the input carries a private key. */
  'profile.create': method(z.strictObject({ name: profileNameSchema, input: profileBodySchema.optional() }), profileResult, 'write'),
  'profile.update': method(z.strictObject({ name: profileNameSchema, input: profileBodySchema }), profileResult, 'write'),
  'profile.rename': method(z.strictObject({ name: profileNameSchema, newName: profileNameSchema }), profileResult, 'write'),
  'profile.remove': method(nameParams, okResult, 'write'),
  /** wg-quick text; the private key only when asked for and the caller is uid 0. */
  'profile.export': method(
    z.strictObject({ name: profileNameSchema, includePrivateKey: z.boolean().default(false) }),
    z.object({ text: z.string() }),
    'read',
  ),
  connect: method(
    z.strictObject({
      name: profileNameSchema,
      /** Reply once connected (or failed) instead of as soon as the attempt starts. */
      wait: z.boolean().default(false),
      timeoutMs: z.number().int().min(1).max(MAX_CONNECT_TIMEOUT_MS).default(DEFAULT_CONNECT_TIMEOUT_MS),
      /** Bring the tunnel up again even if this profile is already up (so an edited profile takes effect); the kill switch's block stays. */
      restart: z.boolean().default(false),
    }),
    statusSchema,
    'write',
  ),
  disconnect: method(noParams, statusSchema, 'write'),
  'settings.get': method(noParams, settingsSchema, 'read'),
  /** The value is checked against the key's own schema by the daemon (SETTING_INVALID). */
  'settings.set': method(z.strictObject({ key: z.string().max(64), value: z.unknown() }), settingsSchema, 'write'),
  'stats.get': method(noParams, statsSampleSchema, 'read'),
  'stats.history': method(
    z.strictObject({ seconds: z.number().int().min(1).max(MAX_HISTORY_SECONDS) }),
    z.object({ samples: z.array(statsSampleSchema) }),
    'read',
  ),
  'logs.get': method(
    z.strictObject({ limit: z.number().int().min(1).max(MAX_LOG_ENTRIES).default(200), level: logLevelSchema.optional() }),
    z.object({ entries: z.array(logEntrySchema) }),
    'read',
  ),
  /** Replaces this connection's subscriptions with exactly these events (an empty list unsubscribes). */
  subscribe: method(z.strictObject({ events: z.array(eventNameSchema).max(EVENT_NAMES.length) }), okResult, 'read'),
  /** Per-app split tunnelling (issue 6), defined in split.ts. */
  ...splitMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];

/** What a caller sends (defaults may be left out). */
export type MethodParams<M extends MethodName> = z.input<Methods[M]['params']>;
/** What a handler receives, defaults filled in. */
export type MethodParamsParsed<M extends MethodName> = z.output<Methods[M]['params']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
