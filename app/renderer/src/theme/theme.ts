// Applies the theme setting to the document (data-theme drives color-scheme) and resolves CSS colours for canvas charts.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/src/protocol/settings.js';

export type Theme = Settings['theme'];
export type Scheme = 'light' | 'dark';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** The scheme in effect: the setting, or the OS preference for 'system'; re-renders when either changes. */
export function useScheme(theme: Theme): Scheme {
  const [systemDark, setSystemDark] = useState(() => darkQuery().matches);
  useEffect(() => {
    const query = darkQuery();
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

/** A custom property's colour as the canvas needs it (light-dark() resolved by the browser through a probe element). */
export function resolveCssColor(variable: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${variable})`;
  probe.style.display = 'none';
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** The same colour with an alpha, for fills ("rgb(1, 2, 3)" → "rgba(1, 2, 3, a)"). */
export function withAlpha(colour: string, alpha: number): string {
  const match = /rgba?\(([^)]+)\)/.exec(colour);
  if (!match?.[1]) return colour;
  const [r, g, b] = match[1].split(/[,\s/]+/).filter(Boolean);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
