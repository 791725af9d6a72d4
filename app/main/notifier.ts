// Desktop notifications when the connection state changes, if the `notifications` setting is on.
import { Notification } from 'electron';
import type { DaemonSnapshot } from './daemon-snapshot.js';

function messageFor(next: DaemonSnapshot): string | null {
  const status = next.status;
  if (status === null) return null;
  if (status.state === 'connected') return `Connected to ${status.profile ?? 'the VPN'}`;
  if (status.state === 'disconnected') return 'Disconnected';
  if (status.state === 'reconnecting') return 'Connection lost; reconnecting…';
  if (status.state === 'error') return `Connection failed: ${status.error?.message ?? 'unknown error'}`;
  return null;
}

export function notifyOnStateChange(next: DaemonSnapshot, previous: DaemonSnapshot): void {
  if (next.settings?.notifications !== true || !Notification.isSupported()) return;
  if (previous.status === null || next.status === null || previous.status.state === next.status.state) return;
  const body = messageFor(next);
  if (body !== null) new Notification({ title: 'Ferry', body, silent: true }).show();
}
