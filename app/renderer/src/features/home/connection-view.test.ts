// Tests of what the Connect control shows per state: titles, the action offered, errors and blocked traffic.
import { describe, expect, it } from 'vitest';
import { disconnectedStatus, type Status } from '../../../../../shared/src/protocol/state.js';
import { connectionView } from './connection-view.js';

const status = (patch: Partial<Status>): Status => ({ ...disconnectedStatus('2026-01-01T00:00:00.000Z'), ...patch });

describe('connectionView', () => {
  it('offers Connect when disconnected, disabled without a profile', () => {
    expect(connectionView(status({}), null, null, 'Office')).toMatchObject({ tone: 'off', title: 'Not connected', action: { kind: 'connect', disabled: false } });
    expect(connectionView(status({}), null, null, null).action.disabled).toBe(true);
  });

  it('offers Cancel while connecting and Disconnect when connected or reconnecting', () => {
    expect(connectionView(status({ state: 'connecting' }), null, null, 'A')).toMatchObject({ tone: 'busy', action: { kind: 'disconnect', label: 'Cancel' } });
    expect(connectionView(status({ state: 'connected', profile: 'A' }), null, null, 'A')).toMatchObject({ tone: 'on', title: 'Connected', action: { label: 'Disconnect' } });
    expect(connectionView(status({ state: 'reconnecting' }), null, null, 'A')).toMatchObject({ tone: 'busy', title: 'Reconnecting…' });
  });

  it('shows the error message of a failed connection and offers to try again', () => {
    const view = connectionView(status({ state: 'error', error: { code: 'HANDSHAKE_TIMEOUT', message: 'the server did not answer' } }), null, null, 'A');
    expect(view).toMatchObject({ tone: 'error', title: 'Connection failed', detail: 'the server did not answer', action: { label: 'Try again' } });
  });

  it('says when the kill switch or lockdown is blocking traffic', () => {
    expect(connectionView(status({ state: 'connecting', blockedBy: 'killSwitch' }), null, null, 'A').detail).toMatch(/kill switch/);
    expect(connectionView(status({ blockedBy: 'lockdown' }), null, null, 'A').detail).toMatch(/Lockdown/);
  });

  it('shows a refused action and disables the button while a click is pending', () => {
    const refused = connectionView(status({}), null, { code: 'PROFILE_INVALID', message: 'no peer' }, 'A');
    expect(refused).toMatchObject({ tone: 'error', detail: 'no peer' });
    expect(connectionView(status({}), 'connect', null, 'A').action).toMatchObject({ disabled: true, label: 'Connecting…' });
  });
});
