// An in-memory SplitService for IPC and CLI tests: records calls, answers from its fields, fails on request.
import { fail, ok, type FerryResult } from '../../../shared/src/protocol/errors.js';
import type { DesktopApp, SplitIcon, SplitList, SplitMode, SplitRule, SplitStatus } from '../../../shared/src/protocol/split.js';
import { zeroSplitCounters } from '../platform/split-tunnel.js';
import type { SplitCaller } from './split-pids.js';
import type { SplitService } from './split-service.js';

export const FAKE_RULE: SplitRule = { id: 'r-0123456789', path: '/usr/lib/firefox/firefox', requestedPath: '/usr/bin/firefox', name: 'Firefox', isScript: false };

export class FakeSplitService implements SplitService {
  current: SplitStatus = { mode: 'off', enforced: false, watcher: 'stopped', problem: null };
  rules: SplitRule[] = [];
  processes: SplitList['rules'][number]['processes'] = [];
  apps: (uid: number, dataDirs?: readonly string[]) => Promise<FerryResult<DesktopApp[]>> = async () => ok([]);
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** The next mutating call fails with this. */
  failure: FerryResult<never> | null = null;
  private readonly listeners = new Set<() => void>();

  status(): SplitStatus {
    return this.current;
  }

  async list(): Promise<SplitList> {
    const counters = { ...zeroSplitCounters(), directTxBytes: 1536, directRxBytes: 2_097_152 };
    return { ...this.current, rules: this.rules.map((rule) => ({ ...rule, processes: this.processes, counters })), manual: { processes: [], counters: zeroSplitCounters() } };
  }

  async setMode(mode: SplitMode): Promise<FerryResult<SplitStatus>> {
    return this.record('setMode', [mode], () => {
      this.current = { ...this.current, mode, enforced: mode !== 'off', watcher: mode === 'off' ? 'stopped' : 'polling' };
      return ok(this.current);
    });
  }

  async addRule(requestedPath: string, name: string | null = null): Promise<FerryResult<SplitRule>> {
    return this.record('addRule', [requestedPath, name], () => {
      const rule = { ...FAKE_RULE, requestedPath, name };
      this.rules.push(rule);
      return ok(rule);
    });
  }

  async removeRule(key: { id: string } | { path: string }): Promise<FerryResult<void>> {
    return this.record('removeRule', [key], () => ok(undefined));
  }

  async addPid(pid: number, caller: SplitCaller): Promise<FerryResult<void>> {
    return this.record('addPid', [pid, caller], () => ok(undefined));
  }

  async removePid(pid: number, caller: SplitCaller): Promise<FerryResult<void>> {
    return this.record('removePid', [pid, caller], () => ok(undefined));
  }

  async launch(caller: SplitCaller, pid?: number): Promise<FerryResult<{ pid: number }>> {
    return this.record('launch', [caller, pid], () => ok({ pid: pid ?? caller.pid }));
  }

  async icon(uid: number, iconPath: string): Promise<FerryResult<SplitIcon>> {
    this.calls.push({ method: 'icon', args: [uid, iconPath] });
    return iconPath.endsWith('.png') ? ok({ mimeType: 'image/png', dataBase64: 'iVBORw==' }) : fail('PATH_INVALID', `not an icon: "${iconPath}"`);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** As the engine does after a change. */
  emitChange(): void {
    for (const listener of this.listeners) listener();
  }

  private record<T>(method: string, args: unknown[], succeed: () => FerryResult<T>): FerryResult<T> {
    this.calls.push({ method, args });
    const failure = this.failure;
    this.failure = null;
    return failure ?? succeed();
  }
}
