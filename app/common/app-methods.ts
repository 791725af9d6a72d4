// The protocol methods the app's UI may call: the shared method table minus what the bridge itself owns (hello, subscribe).
import { METHOD_NAMES, type MethodName, type MethodParams, type MethodResult } from '../../shared/src/protocol/methods.js';
import type { DesktopMethodName, DesktopParams, DesktopResult } from './desktop-methods.js';

/** hello and subscribe belong to the bridge's session with ferryd; a UI calling them would break it. */
const BRIDGE_ONLY = ['hello', 'subscribe'] as const;

export type AppMethodName = Exclude<MethodName, (typeof BRIDGE_ONLY)[number]>;

export const APP_METHOD_NAMES: readonly AppMethodName[] = METHOD_NAMES.filter(
  (name): name is AppMethodName => !(BRIDGE_ONLY as readonly string[]).includes(name),
);

const appMethodSet: ReadonlySet<string> = new Set(APP_METHOD_NAMES);

/** True for a method of the shared table that the UI may call (never hello or subscribe). */
export function isAppMethodName(name: unknown): name is AppMethodName {
  return typeof name === 'string' && appMethodSet.has(name);
}

/** Methods whose params may be left out entirely. */
export type AppParamsArgs<M extends AppMethodName> =
  Record<string, never> extends MethodParams<M> ? [params?: MethodParams<M>] : [params: MethodParams<M>];

export type { MethodParams, MethodResult };

/** Everything the UI may call: ferryd's methods (forwarded) and the app process's own desktop methods. */
export type UiMethodName = AppMethodName | DesktopMethodName;

export type UiParams<M extends UiMethodName> = M extends DesktopMethodName ? DesktopParams<M> : M extends AppMethodName ? MethodParams<M> : never;
export type UiResult<M extends UiMethodName> = M extends DesktopMethodName ? DesktopResult<M> : M extends AppMethodName ? MethodResult<M> : never;

export type UiParamsArgs<M extends UiMethodName> =
  Record<string, never> extends UiParams<M> ? [params?: UiParams<M>] : [params: UiParams<M>];
