// The installed applications (split.apps, from the user's .desktop entries), searchable, each with a switch that lists or unlists its program.
import { useEffect, useId, useState } from 'react';
import type { DesktopApp, SplitList } from '../../../../../shared/src/protocol/split.js';
import { Icon } from '../../components/Icon.js';
import { useApp } from '../../store/use-app.js';
import { AppIcon } from './AppIcon.js';
import { ruleForApp, searchApps } from './split-view.js';

function AppRow({ app, ruleId, disabled }: { app: DesktopApp; ruleId: string | null; disabled: boolean }) {
  const id = useId();
  const add = useApp((state) => state.addSplitRule);
  const remove = useApp((state) => state.removeSplitRule);
  const setError = useApp((state) => state.setSplitError);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    setBusy(true);
    const result = ruleId === null ? await add(app.requestedPath, app.name) : await remove(ruleId);
    setBusy(false);
    setError(result.ok ? null : { ...result.error, message: `${app.name}: ${result.error.message}` });
  };
  return (
    <li className="app-row">
      <AppIcon path={app.icon} />
      <div className="app-text">
        <span id={`${id}-name`} className="app-name">{app.name}</span>
        <code id={`${id}-path`} className="app-path">{app.requestedPath}</code>
      </div>
      <button type="button" role="switch" className="switch" aria-checked={ruleId !== null} aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-path`} disabled={disabled || busy} onClick={() => void toggle()} />
    </li>
  );
}

export function InstalledApps({ split, readOnly }: { split: SplitList; readOnly: boolean }) {
  const apps = useApp((state) => state.splitApps);
  const appsError = useApp((state) => state.splitAppsError);
  const load = useApp((state) => state.loadSplitApps);
  const [query, setQuery] = useState('');
  useEffect(() => void load(), [load]);
  const shown = apps === null ? [] : searchApps(apps, query);
  return (
    <section className="card" aria-labelledby="split-apps-title">
      <div className="card-header">
        <h2 id="split-apps-title">Installed applications</h2>
        <div className="search-field">
          <Icon name="search" size={15} />
          <input type="search" className="input" aria-label="Search applications" placeholder="Search applications" value={query}
            spellCheck={false} autoComplete="off" onChange={(event) => setQuery(event.target.value)} />
        </div>
      </div>
      {appsError && <p className="banner banner-danger" role="alert">Installed applications: {appsError.message}</p>}
      <ul className="app-list" aria-label="Installed applications">
        {apps === null && !appsError && <li className="muted list-empty">Looking for installed applications…</li>}
        {apps !== null && shown.length === 0 && (
          <li className="muted list-empty">{apps.length === 0 ? 'No installed applications were found.' : `No application matches “${query.trim()}”.`}</li>
        )}
        {shown.map((app) => <AppRow key={app.id} app={app} ruleId={ruleForApp(split.rules, app)?.id ?? null} disabled={readOnly} />)}
      </ul>
    </section>
  );
}
