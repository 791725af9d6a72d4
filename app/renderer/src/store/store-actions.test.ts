// Tests of store actions added for Routes & DNS and Settings: "applies on reconnect" tracking, reconnect, optimistic settings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../shared/src/protocol/settings.js';
import { disconnectedStatus, type Status } from '../../../../shared/src/protocol/state.js';
import { FakeFerryApi } from '../../../common/ferry-api.fake.js';
import { createAppStore, syncWithFerryd } from './app-store.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const status = (state: Status['state'], second: number, profile: string | null = 'A'): Status => ({ ...disconnectedStatus(at(second)), state, profile });

function api(): FakeFerryApi {
  const fake = new FakeFerryApi();
  fake.replies.set('profile.list', () => ({ ok: true, value: { profiles: [] } }));
  fake.replies.set('profile.update', () => ({ ok: true, value: { profile: { name: 'A', interface: { publicKey: '', addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] }, peers: [] } } }));
  return fake;
}

describe('store actions', () => {
  it('remembers a profile saved while its tunnel is up until a new tunnel starts', async () => {
    const fake = api();
    const store = createAppStore(fake);
    syncWithFerryd(store, fake);
    fake.emit({ event: 'state', data: status('connected', 1) });
    await store.getState().updateProfile('B', { interface: { addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] }, peers: [] });
    expect(store.getState().appliesOnReconnect).toEqual([]);
    await store.getState().updateProfile('A', { interface: { addresses: [], dns: [], dnsSearch: [], preUp: [], postUp: [], preDown: [], postDown: [] }, peers: [] });
    expect(store.getState().appliesOnReconnect).toEqual(['A']);
    fake.emit({ event: 'state', data: status('reconnecting', 2) });
    expect(store.getState().appliesOnReconnect).toEqual(['A']);
    fake.emit({ event: 'state', data: status('connecting', 3) });
    expect(store.getState().appliesOnReconnect).toEqual([]);
  });

  it('reconnects with one connect that restarts the profile (no disconnect: the block stays)', async () => {
    const fake = api();
    fake.replies.set('connect', () => ({ ok: true, value: status('connecting', 6) }));
    const store = createAppStore(fake);
    store.setState({ status: status('connected', 1) });
    await store.getState().reconnect('A');
    expect(fake.calls.map((call) => call.method)).toEqual(['connect']);
    expect(fake.calls[0]?.params).toEqual({ name: 'A', restart: true });
    expect(store.getState()).toMatchObject({ pendingAction: null, status: { state: 'connecting' } });
  });

  it('launch at login: read from the app process, shown at once when changed, put back with the error when refused', async () => {
    const fake = api();
    fake.replies.set('desktop.getLaunchAtLogin', () => ({ ok: true, value: { enabled: false, unavailable: null } }));
    fake.replies.set('desktop.setLaunchAtLogin', () => ({ ok: false, error: { code: 'SYSTEM_ERROR', message: 'could not write' } }));
    const store = createAppStore(fake);
    await store.getState().loadLaunchAtLogin();
    expect(store.getState().launchAtLogin).toEqual({ enabled: false, unavailable: null });
    const change = store.getState().setLaunchAtLogin(true);
    expect(store.getState().launchAtLogin?.enabled).toBe(true);
    await change;
    expect(store.getState()).toMatchObject({ launchAtLogin: { enabled: false }, launchAtLoginError: { message: 'could not write' } });
    fake.replies.set('desktop.setLaunchAtLogin', (params) => ({ ok: true, value: { enabled: (params as { enabled: boolean }).enabled, unavailable: null } }));
    await store.getState().setLaunchAtLogin(true);
    expect(store.getState()).toMatchObject({ launchAtLogin: { enabled: true }, launchAtLoginError: null });
    expect(fake.calls.at(-1)).toEqual({ method: 'desktop.setLaunchAtLogin', params: { enabled: true } });
  });

  it('holds a navigation back while a form has unsaved edits, until the user discards them', () => {
    const store = createAppStore(api());
    const state = () => store.getState();
    state().goTo('routes');
    expect(state().page).toBe('routes');
    state().markUnsaved('routes', true);
    state().goTo('settings');
    expect(state()).toMatchObject({ page: 'routes', pendingLeave: expect.any(Function) });
    state().answerLeave(false);
    expect(state()).toMatchObject({ page: 'routes', pendingLeave: null, unsaved: ['routes'] });
    // Going to the page already open is no navigation.
    state().goTo('routes');
    expect(state().pendingLeave).toBeNull();
    state().goTo('settings');
    state().answerLeave(true);
    expect(state()).toMatchObject({ page: 'settings', pendingLeave: null, unsaved: [] });
    let left = false;
    state().leaveForms(() => (left = true));
    expect(left).toBe(true);
  });

  it('shows a setting change at once and puts it back when ferryd refuses it', async () => {
    const fake = api();
    fake.replies.set('settings.set', () => ({ ok: false, error: { code: 'SETTING_INVALID', message: 'no' } }));
    const store = createAppStore(fake);
    store.setState({ settings: DEFAULT_SETTINGS });
    const change = store.getState().changeSetting('theme', 'dark');
    expect(store.getState().settings?.theme).toBe('dark');
    await change;
    expect(store.getState().settings?.theme).toBe('system');
    expect(store.getState().settingsError).toMatchObject({ key: 'theme', error: { code: 'SETTING_INVALID' } });
  });
});
