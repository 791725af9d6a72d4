// The desktop methods' implementations for this process (Electron main or the browser host), from the parts that do the work.
import { fail } from '../../shared/src/protocol/errors.js';
import type { DesktopHandlers } from '../common/desktop-methods.js';
import type { FerrydBridge } from './ferryd-bridge.js';

export interface DesktopDeps {
  /** The link to ferryd (split.launch for programs started into the split cgroup). */
  bridge: FerrydBridge;
  /** This process's environment: XDG_CONFIG_HOME, HOME, XDG_DATA_DIRS, APPIMAGE… */
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** What starts this app again (at login): Electron's binary or AppImage, or the browser host's node + script. */
  launchCommand: { executable: string; args: string[] };
}

/** TEMPORARY (this session's integration point): replaced by the launch-at-login and split-launcher modules. */
export function createDesktopHandlers(deps: DesktopDeps): DesktopHandlers {
  void deps;
  return {
    'desktop.getLaunchAtLogin': () => Promise.resolve(fail('SYSTEM_ERROR', 'launch at login is not wired yet')),
    'desktop.setLaunchAtLogin': () => Promise.resolve(fail('SYSTEM_ERROR', 'launch at login is not wired yet')),
    'desktop.launchSplit': () => Promise.resolve(fail('SYSTEM_ERROR', 'launching into the split cgroup is not wired yet')),
  };
}
