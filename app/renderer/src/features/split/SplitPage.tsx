// Split tunnelling (issue 6): the mode, why it may not be enforced, the listed apps with their traffic and processes, and the installed apps.
import { useApp } from '../../store/use-app.js';
import { InstalledApps } from './InstalledApps.js';
import { ModeSelector } from './ModeSelector.js';
import { RulesCard } from './RulesCard.js';
import { SplitBanners } from './SplitBanners.js';
import { useSplitRefresh } from './use-split-refresh.js';

function Header() {
  return (
    <header className="page-header">
      <div>
        <h1>Split tunnelling</h1>
        <p className="muted">Choose apps that bypass the VPN, or the only apps that use it.</p>
      </div>
    </header>
  );
}

export function SplitPage() {
  useSplitRefresh();
  const split = useApp((state) => state.split);
  const loadError = useApp((state) => state.splitLoadError);
  const error = useApp((state) => state.splitError);
  const setError = useApp((state) => state.setSplitError);
  const setMode = useApp((state) => state.setSplitMode);
  const connected = useApp((state) => state.status?.state === 'connected');
  const readOnly = useApp((state) => state.link.status !== 'ready' || state.link.access === 'read');
  if (split === null) {
    return (
      <div className="page-inner split-page">
        <Header />
        {loadError ? <p className="banner banner-danger" role="alert">{loadError.message}</p> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  return (
    <div className="page-inner split-page">
      <Header />
      <SplitBanners split={split} connected={connected} readOnly={readOnly} error={error} onDismissError={() => setError(null)} />
      <section className="card" aria-labelledby="split-mode-title">
        <h2 id="split-mode-title" className="card-title">Mode</h2>
        <ModeSelector mode={split.mode} disabled={readOnly} onChange={(mode) => void setMode(mode)} />
      </section>
      <RulesCard split={split} readOnly={readOnly} />
      <InstalledApps split={split} readOnly={readOnly} />
    </div>
  );
}
