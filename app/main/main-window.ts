// The app window: sandboxed, context-isolated, no Node, no navigation or new windows; closing hides it to the tray.
import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN, APP_URL, PRELOAD_PATH } from './app-paths.js';

export interface WindowControl {
  show(): void;
  /** Lets the next close really close (Quit). */
  allowClose(): void;
  readonly window: BrowserWindow;
}

/** Denies every permission (camera, notifications from the page, …) and every navigation away from app://ferry. */
function harden(window: BrowserWindow): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(): WindowControl {
  const window = new BrowserWindow({
    width: 1000,
    height: 700,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Ferry',
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  harden(window);
  let closing = false;
  window.on('close', (event) => {
    if (closing) return;
    event.preventDefault();
    window.hide();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_URL);
  return {
    window,
    show: () => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    allowClose: () => {
      closing = true;
    },
  };
}
