// The one table of ferryd's local API (Tailscale style): every protocol method mapped to its handler.
import { ok } from '../../../shared/src/protocol/errors.js';
import { connect, disconnect, logsGet, settingsSet, statsHistory } from './handlers/daemon-handlers.js';
import { exportProfile, listProfiles, showProfile } from './handlers/profile-read-handlers.js';
import { createProfile, importProfile, removeProfile, renameProfile, updateProfile } from './handlers/profile-write-handlers.js';
import { hello, subscribe } from './handlers/session-handlers.js';
import type { HandlerDeps, HandlerTable } from './handler-types.js';

export function createHandlerTable(deps: HandlerDeps): HandlerTable {
  return {
    hello: (params, context) => hello(deps, params, context),
    status: () => ok(deps.service.status()),
    'profile.list': () => listProfiles(deps),
    'profile.show': (params) => showProfile(deps, params),
    'profile.import': (params) => importProfile(deps, params),
    'profile.create': (params) => createProfile(deps, params),
    'profile.update': (params) => updateProfile(deps, params),
    'profile.rename': (params) => renameProfile(deps, params),
    'profile.remove': (params) => removeProfile(deps, params),
    'profile.export': (params, context) => exportProfile(deps, params, context),
    connect: (params) => connect(deps, params),
    disconnect: () => disconnect(deps),
    'settings.get': () => ok(deps.settings.get()),
    'settings.set': (params) => settingsSet(deps, params),
    'stats.get': () => ok(deps.service.statsNow()),
    'stats.history': (params) => statsHistory(deps, params),
    'logs.get': (params) => logsGet(deps, params),
    subscribe: (params, context) => subscribe(params, context),
  };
}
