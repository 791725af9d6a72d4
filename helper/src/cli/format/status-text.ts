// `ferry status` as text, in the manner of `wg show`: one "label: value" line per known fact.
import { formatByteRate, formatBytes } from '../../../../shared/src/format/bytes.js';
import { formatAgo, formatDurationShort, formatLatency } from '../../../../shared/src/format/duration.js';
import type { Status } from '../../../../shared/src/protocol/state.js';

const BLOCKED_BY: Record<NonNullable<Status['blockedBy']>, string> = {
  killSwitch: 'kill switch (traffic outside the tunnel is blocked)',
  lockdown: 'lockdown mode (traffic outside the tunnel is blocked)',
};

function stateLine(status: Status, nowMs: number): string {
  const sinceMs = Date.parse(status.since);
  const forSeconds = (nowMs - sinceMs) / 1000;
  const showAge = status.state !== 'disconnected' && Number.isFinite(forSeconds) && forSeconds >= 1;
  return `state: ${status.state}${showAge ? ` (for ${formatDurationShort(forSeconds)})` : ''}`;
}

/** "2026-01-01 10:00:00Z (5 minutes ago)": the moment and its age, so a block left by a crash is recognisable. */
function blockedSinceText(sinceIso: string, nowMs: number): string {
  const when = sinceIso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const ageSeconds = (nowMs - Date.parse(sinceIso)) / 1000;
  return Number.isFinite(ageSeconds) && ageSeconds >= 0 ? `${when} (${formatAgo(ageSeconds)})` : when;
}

/** Lines for what is known; a disconnected daemon prints just its state (and an error or block, if any). */
export function formatStatus(status: Status, nowMs: number): string {
  const lines = [stateLine(status, nowMs)];
  const add = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') lines.push(`${label}: ${value}`);
  };
  add('profile', status.profile);
  add('interface', status.interfaceName);
  add('addresses', status.addresses.join(', '));
  add('endpoint', status.endpoint);
  if (status.state !== 'disconnected') {
    add('latest handshake', status.handshakeAgeSeconds === null ? 'none yet' : formatAgo(status.handshakeAgeSeconds));
    add('transfer', `${formatBytes(status.rxBytes)} received, ${formatBytes(status.txBytes)} sent`);
    add('rate', `${formatByteRate(status.rxRateBps)} received, ${formatByteRate(status.txRateBps)} sent`);
    add('latency', status.latencyMs === null ? 'not measured yet' : formatLatency(status.latencyMs));
  }
  add('blocked by', status.blockedBy && BLOCKED_BY[status.blockedBy]);
  add('blocked since', status.blockedBy && status.blockedSince && blockedSinceText(status.blockedSince, nowMs));
  add('error', status.error && `${status.error.message} (${status.error.code})`);
  return `${lines.join('\n')}\n`;
}

/** One line after connect/disconnect: what happened, in words. */
export function formatTransition(status: Status): string {
  const where = [status.interfaceName, status.addresses.join(', ')].filter((part) => part).join(', ');
  switch (status.state) {
    case 'connected':
      return `connected to "${status.profile ?? ''}"${where ? ` (${where})` : ''}\n`;
    case 'connecting':
    case 'reconnecting':
      return `${status.state} to "${status.profile ?? ''}"\n`;
    default:
      return `${status.state}\n`;
  }
}
