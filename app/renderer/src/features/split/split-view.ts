// What the Split tunnelling page says: mode and problem texts, rule names, traffic lines, the app search and the launch arguments.
import { formatBytes } from '../../../../../shared/src/format/bytes.js';
import type { DesktopApp, SplitCounters, SplitMode, SplitProblem, SplitRule } from '../../../../../shared/src/protocol/split.js';

export const MODE_OPTIONS: readonly { value: SplitMode; label: string; description: string }[] = [
  { value: 'off', label: 'Off', description: 'Every app follows the profile’s routes.' },
  { value: 'exclude', label: 'Exclude listed apps', description: 'Listed apps bypass the VPN; everything else uses it.' },
  { value: 'include', label: 'Only listed apps use the VPN', description: 'Only listed apps go through the VPN; everything else goes direct.' },
];

/** The heading of the rules card, by mode. */
export function rulesTitle(mode: SplitMode): string {
  if (mode === 'exclude') return 'Apps that bypass the VPN';
  if (mode === 'include') return 'Apps that use the VPN';
  return 'Listed apps';
}

/** The one-off launch button, by mode (null: nothing to launch into while split tunnelling is off). */
export function launchLabel(mode: SplitMode): string | null {
  if (mode === 'exclude') return 'Launch excluded…';
  if (mode === 'include') return 'Launch through VPN…';
  return null;
}

/** What the user can do about each problem ferryd reports. */
const PROBLEM_ADVICE: Record<SplitProblem['reason'], string> = {
  'no-cgroup2': 'Start the system with cgroup v2 (systemd.unified_cgroup_hierarchy=1, the default of current distributions), then restart Ferry’s service.',
  'cgroup2-unreachable': 'Ferry’s service must run as root on the host itself, not in a container, to create cgroups; restart it there.',
  'no-nftables': 'Install nftables (the nft command), then restart Ferry’s service.',
  'apply-failed': 'The Logs page has the details.',
};

export function problemAdvice(problem: SplitProblem): string {
  return PROBLEM_ADVICE[problem.reason];
}

/** The last part of a path: "/usr/lib/firefox/firefox" → "firefox". */
export function fileName(path: string): string {
  return path.split('/').filter(Boolean).at(-1) ?? path;
}

export function ruleName(rule: Pick<SplitRule, 'name' | 'requestedPath'>): string {
  return rule.name ?? fileName(rule.requestedPath);
}

/** "1.2 KiB sent · 300 B received" for one path of the traffic. */
export function trafficLine(sentBytes: number, receivedBytes: number): string {
  return `${formatBytes(sentBytes)} sent · ${formatBytes(receivedBytes)} received`;
}

export function tunnelTraffic(counters: SplitCounters): string {
  return trafficLine(counters.tunnelTxBytes, counters.tunnelRxBytes);
}

export function directTraffic(counters: SplitCounters): string {
  return trafficLine(counters.directTxBytes, counters.directRxBytes);
}

/** Installed apps whose name or program contains every word of `query` (case-insensitive). */
export function searchApps(apps: readonly DesktopApp[], query: string): DesktopApp[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return apps.filter((app) => {
    const text = `${app.name} ${app.requestedPath} ${app.path}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The rule listing an installed app's program (by its resolved path), if any. */
export function ruleForApp<R extends Pick<SplitRule, 'path'>>(rules: readonly R[], app: Pick<DesktopApp, 'path'>): R | undefined {
  return rules.find((rule) => rule.path === app.path);
}

export type ParsedArgs = { ok: true; args: string[] } | { ok: false; problem: string };

/**
 * Splits a line of arguments like a shell would for words and quotes only: spaces separate, '…' and "…" group,
 * a backslash escapes the next character. Nothing is expanded: the words go to the program as they are.
 */
export function parseArgs(line: string): ParsedArgs {
  const args: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quote !== null && char === quote) {
      quote = null;
    } else if (quote === "'") {
      word += char;
    } else if (char === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (quote === null && (char === '"' || char === "'")) {
      quote = char;
      word = word ?? '';
    } else if (quote === null && /\s/.test(char)) {
      if (word !== null) args.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== null) return { ok: false, problem: `A ${quote === '"' ? 'double' : 'single'} quote is not closed.` };
  if (word !== null) args.push(word);
  return { ok: true, args };
}
