// The desktop methods' implementations for this process (Electron main or the browser host), from the parts that do the work.
import { fail } from '../../shared/src/protocol/errors.js';
import type { DesktopHandlers } from '../common/desktop-methods.js';

/** TEMPORARY (this session's integration point): replaced by the launch-at-login and split-launcher modules. */
export function createDesktopHandlers(): DesktopHandlers {
  return {
    'desktop.getLaunchAtLogin': () => Promise.resolve(fail('SYSTEM_ERROR', 'launch at login is not wired yet')),
    'desktop.setLaunchAtLogin': () => Promise.resolve(fail('SYSTEM_ERROR', 'launch at login is not wired yet')),
    'desktop.launchSplit': () => Promise.resolve(fail('SYSTEM_ERROR', 'launching into the split cgroup is not wired yet')),
  };
}
