// What the big Connect control shows for a status: headline, tone, detail line and the one action offered (pure).
import type { FerryError } from '../../../../../shared/src/protocol/errors.js';
import type { Status } from '../../../../../shared/src/protocol/state.js';

export type Tone = 'off' | 'busy' | 'on' | 'error';

export interface ConnectionView {
  tone: Tone;
  title: string;
  detail: string | null;
  action: { kind: 'connect' | 'disconnect'; label: string; disabled: boolean };
}

function blockedNote(status: Status): string | null {
  if (status.blockedBy === 'lockdown') return 'Lockdown mode is blocking all traffic outside the tunnel.';
  if (status.blockedBy === 'killSwitch') return 'The kill switch is blocking traffic outside the tunnel.';
  return null;
}

export function connectionView(status: Status | null, pending: 'connect' | 'disconnect' | null, actionError: FerryError | null, target: string | null): ConnectionView {
  const noProfile = target === null;
  if (status === null) return { tone: 'off', title: 'Loading…', detail: null, action: { kind: 'connect', label: 'Connect', disabled: true } };
  const blocked = blockedNote(status);
  const refused = actionError ? actionError.message : null;
  switch (status.state) {
    case 'connected':
      return { tone: 'on', title: 'Connected', detail: refused ?? `Your traffic goes through ${status.profile ?? 'the tunnel'}.`, action: { kind: 'disconnect', label: 'Disconnect', disabled: pending !== null } };
    case 'connecting':
      return { tone: 'busy', title: 'Connecting…', detail: blocked ?? `Reaching ${status.profile ?? 'the server'}.`, action: { kind: 'disconnect', label: 'Cancel', disabled: pending === 'disconnect' } };
    case 'reconnecting':
      return { tone: 'busy', title: 'Reconnecting…', detail: blocked ?? 'The server stopped answering; Ferry is trying again.', action: { kind: 'disconnect', label: 'Disconnect', disabled: pending === 'disconnect' } };
    case 'disconnecting':
      return { tone: 'busy', title: 'Disconnecting…', detail: null, action: { kind: 'disconnect', label: 'Disconnect', disabled: true } };
    case 'error':
      return {
        tone: 'error',
        title: 'Connection failed',
        detail: [status.error?.message ?? refused ?? 'The tunnel could not be set up.', blocked].filter(Boolean).join(' '),
        action: { kind: 'connect', label: 'Try again', disabled: pending !== null || noProfile },
      };
    default:
      return {
        tone: refused ? 'error' : 'off',
        title: 'Not connected',
        detail: refused ?? blocked ?? (noProfile ? 'Add a profile to connect.' : 'Your traffic is not protected by Ferry.'),
        action: { kind: 'connect', label: pending === 'connect' ? 'Connecting…' : 'Connect', disabled: pending !== null || noProfile },
      };
  }
}
