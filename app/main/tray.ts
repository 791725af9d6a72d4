// The tray icon and its menu: state, Connect/Disconnect, profiles to connect to, Open, Quit; rebuilt when ferryd's state changes.
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { DaemonApi } from '../common/ferry-api.js';
import type { DaemonSnapshot } from './daemon-snapshot.js';
import { trayIcon } from './tray-icon.js';

export interface TrayActions {
  open(): void;
  quit(): void;
}

const STATE_LABELS: Record<string, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnecting: 'Disconnecting…',
  reconnecting: 'Reconnecting…',
  error: 'Connection failed',
};

function menuFor(snapshot: DaemonSnapshot, api: DaemonApi, actions: TrayActions): MenuItemConstructorOptions[] {
  const status = snapshot.status;
  const label = status === null ? "Ferry's service is not running" : STATE_LABELS[status.state] ?? status.state;
  const active = status !== null && status.state !== 'disconnected' && status.state !== 'error';
  const preferred = status?.profile ?? snapshot.settings?.autoConnectProfile ?? snapshot.profiles[0]?.name ?? null;
  const items: MenuItemConstructorOptions[] = [
    { label: status?.profile ? `${label} — ${status.profile}` : label, enabled: false },
    { type: 'separator' },
    active
      ? { label: 'Disconnect', click: () => void api.call('disconnect') }
      : { label: preferred ? `Connect to ${preferred}` : 'Connect', enabled: preferred !== null, click: () => preferred && void api.call('connect', { name: preferred }) },
  ];
  if (snapshot.profiles.length > 0 && !active) {
    items.push({
      label: 'Profiles',
      submenu: snapshot.profiles.map((profile) => ({ label: profile.name, click: () => void api.call('connect', { name: profile.name }) })),
    });
  }
  items.push({ type: 'separator' }, { label: 'Open Ferry', click: actions.open }, { label: 'Quit', click: actions.quit });
  return items;
}

export function createTray(api: DaemonApi, actions: TrayActions): (snapshot: DaemonSnapshot) => void {
  const tray = new Tray(trayIcon(null));
  tray.setToolTip('Ferry');
  tray.on('click', actions.open);
  return (snapshot) => {
    tray.setImage(trayIcon(snapshot.status?.state ?? null));
    tray.setToolTip(`Ferry — ${snapshot.status ? STATE_LABELS[snapshot.status.state] ?? '' : 'service not running'}`);
    tray.setContextMenu(Menu.buildFromTemplate(menuFor(snapshot, api, actions)));
  };
}
