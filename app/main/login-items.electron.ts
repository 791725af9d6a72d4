// The OS's login items through Electron (macOS, Windows): what launch at login uses where there is no XDG autostart.
import { app } from 'electron';
import type { LaunchCommand, LoginItems } from './launch-at-login.js';

/** On Windows the item runs `path args` (so it carries --hidden); macOS opens the app bundle and ignores both. */
export function electronLoginItems(command: LaunchCommand): LoginItems {
  const target = process.platform === 'win32' ? { path: command.executable, args: command.args } : {};
  return {
    openAtLogin: () => app.getLoginItemSettings(target).openAtLogin,
    setOpenAtLogin: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, ...target }),
  };
}
