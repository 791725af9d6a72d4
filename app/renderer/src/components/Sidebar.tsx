// The app's navigation: brand, one entry per page (aria-current marks the open one), and the tunnel state at the bottom.
import { Icon, type IconName } from './Icon.js';
import type { Page } from '../store/ui-slice.js';
import { useApp } from '../store/use-app.js';

const ENTRIES: { page: Page; label: string; icon: IconName }[] = [
  { page: 'home', label: 'Home', icon: 'home' },
  { page: 'profiles', label: 'Profiles', icon: 'profiles' },
  { page: 'routes', label: 'Routes & DNS', icon: 'routes' },
  { page: 'split', label: 'Split tunnelling', icon: 'split' },
  { page: 'settings', label: 'Settings', icon: 'settings' },
  { page: 'logs', label: 'Logs', icon: 'logs' },
];

const STATE_TEXT: Record<string, string> = {
  connected: 'Connected', connecting: 'Connecting…', reconnecting: 'Reconnecting…', disconnecting: 'Disconnecting…', error: 'Failed', disconnected: 'Not connected',
};

export function Sidebar() {
  const page = useApp((state) => state.page);
  const goTo = useApp((state) => state.goTo);
  const tunnel = useApp((state) => state.status?.state ?? null);
  const linkLost = useApp((state) => state.link.status !== 'ready');
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand"><span className="brand-mark"><Icon name="shield" size={16} /></span>Ferry</div>
      <ul className="nav">
        {ENTRIES.map((entry) => (
          <li key={entry.page}>
            <button type="button" className="nav-item" aria-current={entry.page === page ? 'page' : undefined} onClick={() => goTo(entry.page)}>
              <Icon name={entry.icon} />{entry.label}
            </button>
          </li>
        ))}
      </ul>
      <div className={`sidebar-footer state-${linkLost ? 'lost' : tunnel ?? 'unknown'}`}>
        <span className="state-dot" aria-hidden="true" />
        {linkLost ? 'Reconnecting to service…' : tunnel ? STATE_TEXT[tunnel] : ''}
      </div>
    </nav>
  );
}
