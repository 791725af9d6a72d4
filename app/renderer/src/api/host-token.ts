// The browser host's per-run token: taken from the URL fragment once, kept for this tab's reloads, removed from the address bar.
const STORAGE_KEY = 'ferry-host-token';

export function takeHostToken(): string | null {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem(STORAGE_KEY, fromFragment);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}
