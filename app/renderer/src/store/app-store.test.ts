// Tests of the renderer store against a fake FerryApi: reload on ready, events routed to slices, actions as values.
import { describe, expect, it } from 'vitest';
import { emptyStatsSample } from '../../../../shared/src/protocol/stats.js';
import { disconnectedStatus } from '../../../../shared/src/protocol/state.js';
import { DEFAULT_SETTINGS } from '../../../../shared/src/protocol/settings.js';
import { FakeFerryApi } from '../../../common/ferry-api.fake.js';
import { createAppStore, syncWithFerryd } from './app-store.js';
import { connectTarget } from './profiles-slice.js';

const T0 = '2026-01-01T00:00:00.000Z';
const READY = { status: 'ready', access: 'write', daemonVersion: '1' } as const;

function scriptedApi(): FakeFerryApi {
  const api = new FakeFerryApi();
  api.replies.set('status', () => ({ ok: true, value: disconnectedStatus(T0) }));
  api.replies.set('profile.list', () => ({ ok: true, value: { profiles: [] } }));
  api.replies.set('settings.get', () => ({ ok: true, value: DEFAULT_SETTINGS }));
  api.replies.set('stats.history', () => ({ ok: true, value: { samples: [emptyStatsSample(T0), emptyStatsSample('2026-01-01T00:00:01.000Z')] } }));
  api.replies.set('stats.get', () => ({ ok: true, value: emptyStatsSample('2026-01-01T00:00:01.000Z') }));
  api.replies.set('logs.get', () => ({ ok: true, value: { entries: [] } }));
  return api;
}

/** Lets the promise chains started by a synchronous event settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('app store', () => {
  it('reloads everything each time the link becomes ready, and only then', async () => {
    const api = scriptedApi();
    const store = createAppStore(api);
    syncWithFerryd(store, api);
    expect(api.calls).toEqual([]);
    api.setLink(READY);
    await settle();
    expect(api.calls.map((call) => call.method).sort()).toEqual(['logs.get', 'profile.list', 'settings.get', 'split.list', 'stats.get', 'stats.history', 'status']);
    expect(store.getState()).toMatchObject({ everReady: true, settings: DEFAULT_SETTINGS, profilesLoaded: true });
    expect(store.getState().points).toHaveLength(2);
    api.setLink({ status: 'service-unavailable', reason: 'no-socket', message: 'gone' });
    api.setLink(READY);
    await settle();
    expect(api.calls.filter((call) => call.method === 'status')).toHaveLength(2);
    expect(store.getState().everReady).toBe(true);
  });

  it('routes events to their slices', () => {
    const api = scriptedApi();
    const store = createAppStore(api);
    syncWithFerryd(store, api);
    api.emit({ event: 'state', data: { ...disconnectedStatus(T0), state: 'connecting', profile: 'Office' } });
    api.emit({ event: 'stats', data: emptyStatsSample(T0) });
    api.emit({ event: 'log', data: { at: T0, level: 'warn', message: 'hello', fields: {} } });
    api.emit({ event: 'settings', data: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    const state = store.getState();
    expect(state.status?.state).toBe('connecting');
    expect(state.points).toHaveLength(1);
    expect(state.entries.map((entry) => entry.message)).toEqual(['hello']);
    expect(state.settings?.theme).toBe('dark');
  });

  it('keeps a refused connect as an action error and clears it on the next attempt', async () => {
    const api = scriptedApi();
    api.replies.set('connect', () => ({ ok: false, error: { code: 'PROFILE_INVALID', message: 'peers: At least one peer is required' } }));
    const store = createAppStore(api);
    await store.getState().connect('Draft');
    expect(store.getState()).toMatchObject({ pendingAction: null, actionError: { code: 'PROFILE_INVALID' } });
    api.replies.set('connect', () => ({ ok: true, value: { ...disconnectedStatus(T0), state: 'connecting' } }));
    await store.getState().connect('Draft');
    expect(store.getState()).toMatchObject({ actionError: null, status: { state: 'connecting' } });
  });

  it('keeps a state event that overtook the reply of the connect that caused it', async () => {
    const api = scriptedApi();
    const store = createAppStore(api);
    syncWithFerryd(store, api);
    api.replies.set('connect', () => {
      // ferryd finishes the handshake and says so before its reply to connect arrives.
      api.emit({ event: 'state', data: { ...disconnectedStatus('2026-01-01T00:00:02.000Z'), state: 'connected', profile: 'A' } });
      return { ok: true, value: { ...disconnectedStatus('2026-01-01T00:00:01.000Z'), state: 'connecting', profile: 'A' } };
    });
    await store.getState().connect('A');
    expect(store.getState().status?.state).toBe('connected');
    api.emit({ event: 'state', data: { ...disconnectedStatus('2026-01-01T00:00:02.000Z'), state: 'connected', endpoint: '192.0.2.1:51820' } });
    expect(store.getState().status?.endpoint).toBe('192.0.2.1:51820');
  });

  it('connects to the active profile first, then the chosen one, then the auto-connect one, then the first', () => {
    const store = createAppStore(scriptedApi());
    const profile = (name: string) => ({ name, interface: { publicKey: '', addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] }, peers: [] });
    store.setState({ profiles: [profile('A'), profile('B'), profile('C')] });
    expect(connectTarget(store.getState())).toBe('A');
    store.setState({ settings: { ...DEFAULT_SETTINGS, autoConnectProfile: 'C' } });
    expect(connectTarget(store.getState())).toBe('C');
    store.getState().chooseProfile('B');
    expect(connectTarget(store.getState())).toBe('B');
    store.setState({ status: { ...disconnectedStatus(T0), state: 'connected', profile: 'A' } });
    expect(connectTarget(store.getState())).toBe('A');
  });
});
