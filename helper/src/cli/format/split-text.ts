// `ferry split` output as text: the status lines, and the list of rules with their caught processes and byte counters (issue 6).
import { formatBytes } from '../../../../shared/src/format/bytes.js';
import type { CaughtProcess, DesktopApp, SplitCounters, SplitList, SplitStatus } from '../../../../shared/src/protocol/split.js';

const MODE_TEXT: Record<SplitStatus['mode'], string> = {
  off: 'off',
  exclude: 'exclude (listed apps bypass the tunnel)',
  include: 'include (only listed apps use the tunnel)',
};

const WATCHER_TEXT: Record<SplitStatus['watcher'], string> = {
  'process-connector': 'kernel process connector',
  polling: 'polling /proc',
  stopped: 'stopped',
};

/** "mode: …", whether it is in force, how processes are watched, and the problem when there is one. */
export function formatSplitStatus(status: SplitStatus): string {
  const lines = [`mode: ${MODE_TEXT[status.mode]}`];
  if (status.mode !== 'off') lines.push(`enforced: ${status.enforced ? 'yes' : 'no'}`, `watcher: ${WATCHER_TEXT[status.watcher]}`);
  if (status.problem !== null) lines.push(`problem: ${status.problem.message} (${status.problem.reason})`);
  return `${lines.join('\n')}\n`;
}

/** One line for `ferry status`: empty when split tunnelling is off and healthy. */
export function splitStatusLine(status: SplitStatus | null | undefined): string {
  if (!status || (status.mode === 'off' && status.problem === null)) return '';
  const state = status.problem !== null ? `not enforced: ${status.problem.message}` : status.enforced ? 'enforced' : 'not enforced';
  return `split tunnelling: ${status.mode} (${state})\n`;
}

function countersLine(counters: SplitCounters): string {
  const pair = (sent: number, received: number): string => `${formatBytes(sent)} sent, ${formatBytes(received)} received`;
  return `    tunnel: ${pair(counters.tunnelTxBytes, counters.tunnelRxBytes)}; direct: ${pair(counters.directTxBytes, counters.directRxBytes)}`;
}

function processLines(processes: readonly CaughtProcess[]): string[] {
  if (processes.length === 0) return ['    caught: none'];
  return processes.map((process, index) => `    ${index === 0 ? 'caught:' : '       '} ${process.pid} ${process.command} (uid ${process.uid})${process.exe === null ? '' : ` ${process.exe}`}`);
}

/** The status, then each rule (id, name, path, what it was added as), its processes and counters, then the manual group. */
export function formatSplitList(list: SplitList): string {
  const lines = [formatSplitStatus(list).trimEnd()];
  if (list.rules.length === 0) lines.push('rules: none');
  for (const rule of list.rules) {
    const name = rule.name === null ? '' : `  ${rule.name}`;
    const given = rule.requestedPath === rule.path ? '' : ` (added as ${rule.requestedPath})`;
    lines.push(`${rule.id}${name}  ${rule.path}${given}${rule.isScript ? ' [script]' : ''}`, countersLine(rule.counters), ...processLines(rule.processes));
  }
  if (list.manual.processes.length > 0 || list.manual.counters.directTxBytes + list.manual.counters.tunnelTxBytes > 0) {
    lines.push('manual (added by PID or launched)', countersLine(list.manual.counters), ...processLines(list.manual.processes));
  }
  return `${lines.join('\n')}\n`;
}

/** `ferry split apps`: name, program and whether a rule lists it, one per line. */
export function formatDesktopApps(apps: readonly DesktopApp[]): string {
  if (apps.length === 0) return 'no installed applications found\n';
  const width = Math.min(40, Math.max(...apps.map((app) => app.name.length)));
  return apps.map((app) => `${app.ruleId === null ? ' ' : '*'} ${app.name.padEnd(width)}  ${app.requestedPath}\n`).join('');
}
