// Keeps the Split tunnelling page's byte counters and caught processes fresh: ferryd's `split` event goes out when
// rules, mode or caught processes change, not when counters move or a process exits, so the open page lists again.
import { useEffect } from 'react';
import { useApp } from '../../store/use-app.js';

/** About as often as the Home page's numbers move (stats arrive twice a second; an nft read costs more). */
export const SPLIT_REFRESH_MS = 2000;

export function useSplitRefresh(): void {
  const load = useApp((state) => state.loadSplit);
  const ready = useApp((state) => state.link.status === 'ready');
  useEffect(() => {
    if (!ready) return;
    void load();
    const timer = setInterval(() => void load(), SPLIT_REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, ready]);
}
