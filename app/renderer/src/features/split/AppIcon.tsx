// An application's icon: the file split.apps named, fetched once through split.icon and shown as a data: URL; a generic one otherwise.
import { useEffect } from 'react';
import { Icon } from '../../components/Icon.js';
import { useApp } from '../../store/use-app.js';

export function AppIcon({ path }: { path: string | null }) {
  const url = useApp((state) => (path === null ? null : state.splitIcons[path]));
  const load = useApp((state) => state.loadSplitIcon);
  useEffect(() => {
    if (path !== null) void load(path);
  }, [path, load]);
  if (url) return <img className="app-icon" src={url} alt="" width={28} height={28} />;
  return <span className="app-icon app-icon-generic" aria-hidden="true"><Icon name="app" size={18} /></span>;
}
