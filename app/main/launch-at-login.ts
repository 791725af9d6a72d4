// Launch at login, chosen once per OS: the XDG autostart entry on Linux, the OS's login items (through Electron) elsewhere.
import { fail, ok, type FerryResult } from '../../shared/src/protocol/errors.js';
import type { LaunchAtLogin } from '../common/desktop-methods.js';
import { createXdgLaunchAtLogin } from './launch-at-login.xdg.js';

/** A command line: what the login session runs. */
export interface LaunchCommand {
  executable: string;
  args: string[];
}

/**
 * The OS's login items (macOS, Windows): Electron's app.get/setLoginItemSettings behind an interface, so that this
 * module (and the browser host, which has no Electron) never imports electron.
 */
export interface LoginItems {
  openAtLogin(): boolean;
  setOpenAtLogin(enabled: boolean): void;
}

export interface LaunchAtLoginService {
  get(): Promise<FerryResult<LaunchAtLogin>>;
  set(enabled: boolean): Promise<FerryResult<LaunchAtLogin>>;
}

export interface LaunchAtLoginDeps {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  launchCommand: LaunchCommand;
  loginItems?: LoginItems;
}

/** The argument a login launch carries: Electron main starts in the tray without showing its window. */
export const HIDDEN_ARGUMENT = '--hidden';

/** Every change or read is refused with the same reason (and `get` reports it, so the UI can say why). */
function unavailable(reason: string): LaunchAtLoginService {
  return {
    get: () => Promise.resolve(ok({ enabled: false, unavailable: reason })),
    set: () => Promise.resolve(fail('SYSTEM_ERROR', reason)),
  };
}

function fromLoginItems(items: LoginItems): LaunchAtLoginService {
  const get = (): Promise<FerryResult<LaunchAtLogin>> => Promise.resolve(ok({ enabled: items.openAtLogin(), unavailable: null }));
  return {
    get,
    set: (enabled) => {
      items.setOpenAtLogin(enabled);
      return get();
    },
  };
}

export function createLaunchAtLogin(deps: LaunchAtLoginDeps): LaunchAtLoginService {
  if (deps.platform === 'linux') return createXdgLaunchAtLogin(deps.env, deps.launchCommand);
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    return deps.loginItems
      ? fromLoginItems(deps.loginItems)
      : unavailable('Launch at login is managed by the desktop app; this browser host cannot change your login items.');
  }
  return unavailable(`Launch at login is not supported on ${deps.platform}.`);
}
