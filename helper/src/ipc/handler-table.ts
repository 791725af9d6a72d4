// The one table of ferryd's local API (Tailscale style): every protocol method mapped to its handler.
import { ok } from '../../../shared/src/protocol/errors.js';
import { connect, disconnect, logsGet, settingsSet, statsHistory } from './handlers/daemon-handlers.js';
import { exportProfile, listProfiles, showProfile } from './handlers/profile-read-handlers.js';
import { createProfile, importProfile, removeProfile, renameProfile, updateProfile } from './handlers/profile-write-handlers.js';
import { hello, subscribe } from './handlers/session-handlers.js';
import {
  splitAddRule,
  splitApps,
  splitGet,
  splitIcon,
  splitLaunch,
  splitList,
  splitPid,
  splitRemoveRule,
  splitSetMode,
  statusWithSplit,
} from './handlers/split-handlers.js';
import type { HandlerDeps, HandlerTable } from './handler-types.js';

export function createHandlerTable(deps: HandlerDeps): HandlerTable {
  return {
    hello: (params, context) => hello(deps, params, context),
    status: () => ok(statusWithSplit(deps.service.status(), deps)),
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
    'split.get': () => splitGet(deps),
    'split.setMode': (params) => splitSetMode(deps, params),
    'split.addRule': (params) => splitAddRule(deps, params),
    'split.removeRule': (params) => splitRemoveRule(deps, params),
    'split.list': () => splitList(deps),
    'split.pidAdd': (params, context) => splitPid(deps, params, context, true),
    'split.pidRemove': (params, context) => splitPid(deps, params, context, false),
    'split.launch': (params, context) => splitLaunch(deps, params, context),
    'split.apps': (params, context) => splitApps(deps, params, context),
    'split.icon': (params, context) => splitIcon(deps, params, context),
  };
}
