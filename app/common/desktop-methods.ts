// Methods the app's own process serves (never ferryd): this user's desktop preferences and programs started as this user.
import { z } from 'zod';
import { fail, type FerryResult } from '../../shared/src/protocol/errors.js';
import { MAX_SPLIT_PATH_BYTES } from '../../shared/src/protocol/split.js';

/** Whether Ferry starts when this user logs in; `unavailable` says why it cannot be changed here (null: it can). */
export const launchAtLoginSchema = z.object({ enabled: z.boolean(), unavailable: z.string().nullable() });
export type LaunchAtLogin = z.infer<typeof launchAtLoginSchema>;

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const desktopMethods = {
  /** Launch at login: an XDG autostart entry on Linux, the OS's login items on macOS and Windows. */
  'desktop.getLaunchAtLogin': method(z.strictObject({}), launchAtLoginSchema),
  'desktop.setLaunchAtLogin': method(z.strictObject({ enabled: z.boolean() }), launchAtLoginSchema),
  /** Starts a program as this user inside ferryd's split cgroup (split.launch), for one-off use. */
  'desktop.launchSplit': method(
    z.strictObject({
      path: z.string().min(1).max(MAX_SPLIT_PATH_BYTES),
      args: z.array(z.string().max(MAX_SPLIT_PATH_BYTES)).max(64).optional(),
    }),
    z.object({ pid: z.number().int().positive() }),
  ),
};

export type DesktopMethodName = keyof typeof desktopMethods;
export type DesktopParams<M extends DesktopMethodName> = z.infer<(typeof desktopMethods)[M]['params']>;
export type DesktopResult<M extends DesktopMethodName> = z.infer<(typeof desktopMethods)[M]['result']>;

export const DESKTOP_METHOD_NAMES = Object.keys(desktopMethods) as DesktopMethodName[];

export function isDesktopMethodName(name: unknown): name is DesktopMethodName {
  return typeof name === 'string' && Object.hasOwn(desktopMethods, name);
}

/** What Electron main and the browser host each provide: one function per desktop method. */
export type DesktopHandlers = {
  readonly [M in DesktopMethodName]: (params: DesktopParams<M>) => Promise<FerryResult<DesktopResult<M>>>;
};

/** For untyped callers (IPC, WebSocket): checks the params against the table before the handler sees them. */
export async function callDesktopMethod(handlers: DesktopHandlers, method: DesktopMethodName, params: unknown): Promise<FerryResult<unknown>> {
  const parsed = desktopMethods[method].params.safeParse(params ?? {});
  if (!parsed.success) return fail('INVALID_PARAMS', `invalid parameters for ${method}: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  const handler = handlers[method] as (params: unknown) => Promise<FerryResult<unknown>>;
  try {
    return await handler(parsed.data);
  } catch (error) {
    return fail('SYSTEM_ERROR', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
