// The split-tunnelling part of the ferryd protocol (issue 6): params, results and the `split` event, ready to be spread into methods.ts.
import { z } from 'zod';

/** off: nothing is split; exclude: listed apps bypass the tunnel; include: only listed apps use it. */
export const splitModeSchema = z.enum(['off', 'exclude', 'include']);
export type SplitMode = z.infer<typeof splitModeSchema>;

export const MAX_SPLIT_RULES = 256;
/** PATH_MAX on Linux. */
export const MAX_SPLIT_PATH_BYTES = 4096;

/** `r-` and 10 hex digits of the SHA-256 of the resolved path: stable across restarts, used as the cgroup name. */
export const splitRuleIdSchema = z.string().regex(/^r-[0-9a-f]{10}$/);

const pidSchema = z.number().int().min(1).max(4_194_304);
const byteCount = z.number().int().nonnegative();

export const splitRuleSchema = z.object({
  id: splitRuleIdSchema,
  /** Absolute, symlinks resolved: what running processes are matched against. */
  path: z.string().min(1).max(MAX_SPLIT_PATH_BYTES),
  /** What the user gave (a symlink such as /usr/bin/firefox), kept for display. */
  requestedPath: z.string().min(1).max(MAX_SPLIT_PATH_BYTES),
  /** Display name, e.g. from a .desktop entry; null shows the file name. */
  name: z.string().max(200).nullable(),
  /** A `#!` script: matched by the script path in the interpreter's arguments, not by the interpreter. */
  isScript: z.boolean(),
});
export type SplitRule = z.infer<typeof splitRuleSchema>;

/** Bytes a group of processes sent and received, by the path the packets took (nft counters). */
export const splitCountersSchema = z.object({
  tunnelTxBytes: byteCount,
  tunnelRxBytes: byteCount,
  directTxBytes: byteCount,
  directRxBytes: byteCount,
});
export type SplitCounters = z.infer<typeof splitCountersSchema>;

export const caughtProcessSchema = z.object({
  pid: pidSchema,
  /** /proc/PID/exe, null when unreadable (the process exited meanwhile). */
  exe: z.string().nullable(),
  /** The kernel's short command name (/proc/PID/comm). */
  command: z.string(),
  uid: z.number().int().nonnegative(),
});
export type CaughtProcess = z.infer<typeof caughtProcessSchema>;

/** Why split tunnelling cannot be enforced right now; shown by `ferry status`, `ferry split list` and the app. */
export const splitProblemReasonSchema = z.enum(['no-cgroup2', 'cgroup2-unreachable', 'no-nftables', 'apply-failed']);
export const splitProblemSchema = z.object({ reason: splitProblemReasonSchema, message: z.string() });
export type SplitProblem = z.infer<typeof splitProblemSchema>;

/** How new processes are noticed: the kernel's process connector, or polling /proc where it is unavailable. */
export const splitWatcherSchema = z.enum(['process-connector', 'polling', 'stopped']);

export const splitStatusSchema = z.object({
  mode: splitModeSchema,
  /** True while packets are being marked and routed (a mode is set and a tunnel is up). */
  enforced: z.boolean(),
  watcher: splitWatcherSchema,
  problem: splitProblemSchema.nullable(),
});
export type SplitStatus = z.infer<typeof splitStatusSchema>;

export const splitGroupSchema = z.object({ processes: z.array(caughtProcessSchema), counters: splitCountersSchema });

export const splitListSchema = splitStatusSchema.extend({
  rules: z.array(splitRuleSchema.extend(splitGroupSchema.shape)),
  /** Processes added by PID or started with `ferry split launch`. */
  manual: splitGroupSchema,
});
export type SplitList = z.infer<typeof splitListSchema>;

const noParams = z.strictObject({});
const okResult = z.object({ ok: z.literal(true) });
const pidParams = z.strictObject({ pid: pidSchema });

function method<P extends z.ZodType, R extends z.ZodType, A extends 'read' | 'write'>(params: P, result: R, access: A) {
  return { params, result, access };
}

/** An installed application from an XDG `.desktop` entry whose program was found (issue 6: the app page's list). */
export const desktopAppSchema = z.object({
  /** The desktop file id (`firefox-esr.desktop`; a subdirectory becomes a `-` prefix). */
  id: z.string(),
  name: z.string(),
  /** The program as found on PATH or named in Exec, e.g. /usr/bin/firefox: what split.addRule is given. */
  requestedPath: z.string(),
  /** The program with symlinks resolved: what rules match. */
  path: z.string(),
  /** An icon file (PNG or SVG) for split.icon, null when none was found. */
  icon: z.string().nullable(),
  /** The rule that already lists this program, if any. */
  ruleId: splitRuleIdSchema.nullable(),
});
export type DesktopApp = z.infer<typeof desktopAppSchema>;

export const MAX_SPLIT_ICON_BYTES = 256 * 1024;
export const splitIconSchema = z.object({ mimeType: z.enum(['image/png', 'image/svg+xml']), dataBase64: z.string() });
export type SplitIcon = z.infer<typeof splitIconSchema>;

/** To be spread into `methods` in methods.ts; same shape as its entries. */
export const splitMethods = {
  'split.get': method(noParams, splitStatusSchema, 'read'),
  'split.setMode': method(z.strictObject({ mode: splitModeSchema }), splitStatusSchema, 'write'),
  /** The path is checked by ferryd (absolute, exists, executable) so the error can say which it is. */
  'split.addRule': method(
    z.strictObject({ path: z.string().min(1).max(MAX_SPLIT_PATH_BYTES), name: z.string().max(200).optional() }),
    z.object({ rule: splitRuleSchema }),
    'write',
  ),
  /** By id, or by path (as given or resolved). */
  'split.removeRule': method(
    z.union([z.strictObject({ id: splitRuleIdSchema }), z.strictObject({ path: z.string().min(1).max(MAX_SPLIT_PATH_BYTES) })]),
    okResult,
    'write',
  ),
  'split.list': method(noParams, splitListSchema, 'read'),
  /** Root may move any process; others only their own. */
  'split.pidAdd': method(pidParams, okResult, 'write'),
  'split.pidRemove': method(pidParams, okResult, 'write'),
  /**
   * Moves the caller (its SO_PEERCRED pid) into the split cgroup, or with `pid` a direct child of the caller
   * owned by the same user; the CLI then runs the command, which inherits the cgroup.
   */
  'split.launch': method(z.strictObject({ pid: pidSchema.optional() }), z.object({ pid: pidSchema }), 'write'),
  /**
   * Installed applications of the caller (its ~/.local/share/applications, then `dataDirs` or the system's
   * XDG data directories); `dataDirs` lets a client pass the user's XDG_DATA_DIRS.
   */
  'split.apps': method(
    z.strictObject({ dataDirs: z.array(z.string().min(1).max(MAX_SPLIT_PATH_BYTES)).max(32).optional() }),
    z.object({ apps: z.array(desktopAppSchema) }),
    'read',
  ),
  /** The bytes of an icon named by split.apps (PNG or SVG, at most MAX_SPLIT_ICON_BYTES). */
  'split.icon': method(z.strictObject({ path: z.string().min(1).max(MAX_SPLIT_PATH_BYTES) }), splitIconSchema, 'read'),
};

/** The `split` event: the whole list after a rule, mode or caught process changed. */
export const splitEventSchema = splitListSchema;
