// The desktop methods' implementations for this process (Electron main or the browser host), from the parts that do the work.
import type { DesktopHandlers } from '../common/desktop-methods.js';
import type { FerrydBridge } from './ferryd-bridge.js';
import { createLaunchAtLogin, type LoginItems } from './launch-at-login.js';
import { createSplitLauncher } from './split-launcher.js';

export interface DesktopDeps {
  /** The link to ferryd (split.launch for programs started into the split cgroup). */
  bridge: FerrydBridge;
  /** This process's environment: XDG_CONFIG_HOME, HOME, XDG_DATA_DIRS, APPIMAGE… */
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** What starts this app again (at login): Electron's binary or AppImage, or the browser host's node + script. */
  launchCommand: { executable: string; args: string[] };
  /** macOS and Windows: the OS's login items (Electron main only; without them launch at login is unavailable there). */
  loginItems?: LoginItems;
}

export function createDesktopHandlers(deps: DesktopDeps): DesktopHandlers {
  const launchAtLogin = createLaunchAtLogin(deps);
  return {
    'desktop.getLaunchAtLogin': () => launchAtLogin.get(),
    'desktop.setLaunchAtLogin': ({ enabled }) => launchAtLogin.set(enabled),
    'desktop.launchSplit': createSplitLauncher(deps),
  };
}
