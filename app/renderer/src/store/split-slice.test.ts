// Tests of the split-tunnelling slice against a fake FerryApi: loading on ready, `split` events, stale replies, mode, rules, apps, icons, launch.
import { describe, expect, it } from 'vitest';
import type { SplitList } from '../../../../shared/src/protocol/split.js';
import { FakeFerryApi } from '../../../common/ferry-api.fake.js';
import { createAppStore, syncWithFerryd } from './app-store.js';

const ZERO = { tunnelTxBytes: 0, tunnelRxBytes: 0, directTxBytes: 0, directRxBytes: 0 };
const RULE = { id: 'r-0123456789', path: '/usr/lib/firefox/firefox', requestedPath: '/usr/bin/firefox', name: 'Firefox', isScript: false };

function list(patch: Partial<SplitList> = {}): SplitList {
  return { mode: 'exclude', enforced: true, watcher: 'process-connector', problem: null, rules: [], manual: { processes: [], counters: ZERO }, ...patch };
}

/** Lets the promise chains started by a synchronous event settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('split slice', () => {
  it('lists on link ready and follows `split` events', async () => {
    const api = new FakeFerryApi();
    api.replies.set('split.list', () => ({ ok: true, value: list() }));
    const store = createAppStore(api);
    syncWithFerryd(store, api);
    api.setLink({ status: 'ready', access: 'write', daemonVersion: '1' });
    await settle();
    expect(store.getState().split).toEqual(list());
    const withRule = list({ rules: [{ ...RULE, processes: [{ pid: 42, exe: RULE.path, command: 'firefox', uid: 1000 }], counters: { ...ZERO, directTxBytes: 5 } }] });
    api.emit({ event: 'split', data: withRule });
    expect(store.getState().split).toEqual(withRule);
  });

  it('keeps a `split` event that arrived while an older list was on its way', async () => {
    const api = new FakeFerryApi();
    const store = createAppStore(api);
    // ferryd answers the list, then publishes a change; the event overtakes the reply on its way to the page.
    api.replies.set('split.list', () => {
      store.getState().setSplit(list({ mode: 'include' }));
      return { ok: true, value: list({ mode: 'off' }) };
    });
    await store.getState().loadSplit();
    expect(store.getState().split?.mode).toBe('include');
    api.replies.set('split.list', () => ({ ok: true, value: list({ mode: 'off' }) }));
    await store.getState().loadSplit();
    expect(store.getState().split?.mode).toBe('off');
  });

  it('shows a new mode at once and puts the old one back with the error when ferryd refuses', async () => {
    const api = new FakeFerryApi();
    api.replies.set('split.setMode', () => ({ ok: false, error: { code: 'SPLIT_UNAVAILABLE', message: 'no cgroup v2 mount found' } }));
    const store = createAppStore(api);
    store.setState({ split: list({ mode: 'off' }) });
    const change = store.getState().setSplitMode('exclude');
    expect(store.getState().split?.mode).toBe('exclude');
    await change;
    expect(store.getState()).toMatchObject({ split: { mode: 'off' }, splitError: { code: 'SPLIT_UNAVAILABLE' } });
    api.replies.set('split.setMode', () => ({ ok: true, value: { mode: 'include', enforced: false, watcher: 'stopped', problem: null } }));
    await store.getState().setSplitMode('include');
    expect(store.getState()).toMatchObject({ split: { mode: 'include', enforced: false, watcher: 'stopped' }, splitError: null });
  });

  it('adds and removes rules, listing again after each success; a refusal comes back as a value', async () => {
    const api = new FakeFerryApi();
    api.replies.set('split.addRule', (params) => {
      const { path } = params as { path: string };
      return path.startsWith('/') ? { ok: true, value: { rule: RULE } } : { ok: false, error: { code: 'PATH_INVALID', message: `not an absolute path: "${path}"` } };
    });
    api.replies.set('split.removeRule', () => ({ ok: true, value: { ok: true } }));
    api.replies.set('split.list', () => ({ ok: true, value: list() }));
    const store = createAppStore(api);
    expect(await store.getState().addSplitRule('bin/firefox')).toMatchObject({ ok: false, error: { code: 'PATH_INVALID' } });
    expect(api.calls.map((call) => call.method)).toEqual(['split.addRule']);
    expect(await store.getState().addSplitRule('/usr/bin/firefox', 'Firefox')).toMatchObject({ ok: true });
    expect(await store.getState().removeSplitRule(RULE.id)).toMatchObject({ ok: true });
    expect(api.calls.map((call) => [call.method, call.params])).toEqual([
      ['split.addRule', { path: 'bin/firefox' }],
      ['split.addRule', { path: '/usr/bin/firefox', name: 'Firefox' }],
      ['split.list', undefined],
      ['split.removeRule', { id: RULE.id }],
      ['split.list', undefined],
    ]);
  });

  it('loads installed apps (leaving dataDirs to the app process), each icon once as a data: URL', async () => {
    const api = new FakeFerryApi();
    const app = { id: 'firefox.desktop', name: 'Firefox', requestedPath: '/usr/bin/firefox', path: RULE.path, icon: '/usr/share/icons/firefox.png', ruleId: null };
    api.replies.set('split.apps', () => ({ ok: true, value: { apps: [app] } }));
    api.replies.set('split.icon', (params) => ((params as { path: string }).path === app.icon
      ? { ok: true, value: { mimeType: 'image/png', dataBase64: 'iVBORw0K' } }
      : { ok: false, error: { code: 'PATH_INVALID', message: 'no icon' } }));
    const store = createAppStore(api);
    await store.getState().loadSplitApps();
    expect(store.getState().splitApps).toEqual([app]);
    expect(api.calls[0]).toEqual({ method: 'split.apps', params: {} });
    await Promise.all([store.getState().loadSplitIcon(app.icon), store.getState().loadSplitIcon(app.icon), store.getState().loadSplitIcon('/missing.svg')]);
    expect(store.getState().splitIcons).toEqual({ [app.icon]: 'data:image/png;base64,iVBORw0K', '/missing.svg': null });
    expect(api.calls.filter((call) => call.method === 'split.icon')).toHaveLength(2);
  });

  it('launches through the app process with the arguments only when there are some', async () => {
    const api = new FakeFerryApi();
    api.replies.set('desktop.launchSplit', () => ({ ok: true, value: { pid: 4321 } }));
    const store = createAppStore(api);
    expect(await store.getState().launchSplit('/usr/bin/sleep', [])).toEqual({ ok: true, value: { pid: 4321 } });
    await store.getState().launchSplit('/usr/bin/sleep', ['30']);
    expect(api.calls).toEqual([
      { method: 'desktop.launchSplit', params: { path: '/usr/bin/sleep' } },
      { method: 'desktop.launchSplit', params: { path: '/usr/bin/sleep', args: ['30'] } },
    ]);
  });
});
