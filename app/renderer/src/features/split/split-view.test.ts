// Tests of the Split tunnelling page's texts and helpers: names, traffic lines, app search, launch arguments.
import { describe, expect, it } from 'vitest';
import { directTraffic, launchLabel, parseArgs, ruleName, rulesTitle, searchApps, tunnelTraffic } from './split-view.js';

const app = (name: string, path: string) => ({ id: `${name}.desktop`, name, requestedPath: path, path, icon: null, ruleId: null });

describe('split page view', () => {
  it('names rules by their given name, else by the program file', () => {
    expect(ruleName({ name: 'Firefox', requestedPath: '/usr/bin/firefox' })).toBe('Firefox');
    expect(ruleName({ name: null, requestedPath: '/opt/tor-browser/start-tor-browser' })).toBe('start-tor-browser');
  });

  it('words the card and the launch button by mode', () => {
    expect([rulesTitle('exclude'), rulesTitle('include'), rulesTitle('off')]).toEqual(['Apps that bypass the VPN', 'Apps that use the VPN', 'Listed apps']);
    expect([launchLabel('exclude'), launchLabel('include'), launchLabel('off')]).toEqual(['Launch excluded…', 'Launch through VPN…', null]);
  });

  it('formats traffic by path like the Home page', () => {
    const counters = { tunnelTxBytes: 0, tunnelRxBytes: 512, directTxBytes: 1536, directRxBytes: 3 * 1024 * 1024 };
    expect(tunnelTraffic(counters)).toBe('0 B sent · 512 B received');
    expect(directTraffic(counters)).toBe('1.5 KiB sent · 3 MiB received');
  });

  it('searches apps by every word of the query, in name or program', () => {
    const apps = [app('Firefox ESR', '/usr/bin/firefox-esr'), app('Steam', '/usr/games/steam'), app('Text Editor', '/usr/bin/gnome-text-editor')];
    expect(searchApps(apps, '').map((found) => found.name)).toEqual(['Firefox ESR', 'Steam', 'Text Editor']);
    expect(searchApps(apps, 'fire').map((found) => found.name)).toEqual(['Firefox ESR']);
    expect(searchApps(apps, '  GAMES ').map((found) => found.name)).toEqual(['Steam']);
    expect(searchApps(apps, 'text gnome').map((found) => found.name)).toEqual(['Text Editor']);
    expect(searchApps(apps, 'text steam')).toEqual([]);
  });

  it('splits launch arguments on spaces, keeps quoted words whole and expands nothing', () => {
    expect(parseArgs('')).toEqual({ ok: true, args: [] });
    expect(parseArgs('  --private-window   https://example.org ')).toEqual({ ok: true, args: ['--private-window', 'https://example.org'] });
    expect(parseArgs(`--name "two words" 'single $HOME' a\\ b ""`)).toEqual({ ok: true, args: ['--name', 'two words', 'single $HOME', 'a b', ''] });
    expect(parseArgs('"open')).toEqual({ ok: false, problem: 'A double quote is not closed.' });
    expect(parseArgs("it's")).toEqual({ ok: false, problem: 'A single quote is not closed.' });
  });
});
