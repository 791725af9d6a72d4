// Electron main: wiring only — single instance, the bridge to ferryd, the app:// scheme, IPC, window, tray, notifications.
import { app, BrowserWindow } from 'electron';
import { MAIN_ENTRY } from './app-paths.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { autoConnectOnce } from './auto-connect.js';
import { followDaemon } from './daemon-snapshot.js';
import { createDesktopHandlers } from './desktop-handlers.js';
import { FerrydBridge } from './ferryd-bridge.js';
import { serveIpc } from './ipc-bridge.js';
import { HIDDEN_ARGUMENT } from './launch-at-login.js';
import { electronLoginItems } from './login-items.electron.js';
import { mainOptions } from './main-options.js';
import { createMainWindow, type WindowControl } from './main-window.js';
import { notifyOnStateChange } from './notifier.js';
import { createTray } from './tray.js';
import { UiRouter } from './ui-router.js';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const options = mainOptions(process.argv, process.env);
  const bridge = new FerrydBridge({ socketPath: options.socketPath, clientName: 'ferry-app', allowNonRootSocket: options.allowNonRootSocket });
  let control: WindowControl | null = null;
  // An AppImage runs from a temporary mount: launch at login must name the AppImage file itself. An unpackaged
  // Electron needs this app's entry script. At login the window stays hidden: the tray is enough until it is opened.
  const launchCommand = { executable: process.env.APPIMAGE ?? process.execPath, args: [...(app.isPackaged ? [] : [MAIN_ENTRY]), HIDDEN_ARGUMENT] };
  const desktopDeps = { bridge, env: process.env, platform: process.platform, launchCommand, loginItems: electronLoginItems(launchCommand) };
  registerAppScheme();

  const open = (): void => {
    control ??= createMainWindow();
    control.show();
  };
  const quit = (): void => {
    control?.allowClose();
    bridge.stop();
    app.quit();
  };

  app.on('second-instance', open);
  // Closing the window only hides it: the tray keeps the app (and the tunnel controls) around.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => control?.allowClose());

  void app.whenReady().then(() => {
    serveAppScheme();
    serveIpc(new UiRouter(bridge, createDesktopHandlers(desktopDeps)), () => BrowserWindow.getAllWindows().map((window) => window.webContents));
    const updateTray = createTray(bridge, { open, quit });
    const autoConnect = autoConnectOnce(bridge);
    followDaemon(bridge, (next, previous) => {
      updateTray(next);
      notifyOnStateChange(next, previous);
      autoConnect(next);
    });
    bridge.start();
    if (!options.startHidden) open();
  });
}
