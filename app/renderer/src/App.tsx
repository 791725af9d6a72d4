// The app shell: the service screens while ferryd is unreachable, otherwise the sidebar and the open page.
import { useEffect } from 'react';
import { DiscardChangesDialog } from './components/DiscardChangesDialog.js';
import { Sidebar } from './components/Sidebar.js';
import { HomePage } from './features/home/HomePage.js';
import { LogsPage } from './features/logs/LogsPage.js';
import { ProfilesPage } from './features/profiles/ProfilesPage.js';
import { RoutesPage } from './features/routes/RoutesPage.js';
import { ServiceUnavailable } from './features/service/ServiceUnavailable.js';
import { StartupScreen } from './features/service/StartupScreen.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { SplitPage } from './features/split/SplitPage.js';
import { useApp } from './store/use-app.js';
import { applyTheme } from './theme/theme.js';

const PAGES = { home: HomePage, profiles: ProfilesPage, routes: RoutesPage, split: SplitPage, settings: SettingsPage, logs: LogsPage };

function Notice() {
  const notice = useApp((state) => state.notice);
  return <div className="visually-hidden" role="status" aria-live="polite">{notice?.text}</div>;
}

export function App() {
  const link = useApp((state) => state.link);
  const everReady = useApp((state) => state.everReady);
  const page = useApp((state) => state.page);
  const theme = useApp((state) => state.settings?.theme ?? 'system');
  useEffect(() => applyTheme(theme), [theme]);

  if (link.status === 'service-unavailable') return <><ServiceUnavailable link={link} /><Notice /></>;
  if (!everReady) return <StartupScreen />;
  const Page = PAGES[page];
  return (
    <div className="shell">
      <Sidebar />
      <main className="page" id="main">
        <Page />
      </main>
      <DiscardChangesDialog />
      <Notice />
    </div>
  );
}
