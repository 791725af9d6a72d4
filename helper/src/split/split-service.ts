// What the IPC handlers need of per-app split tunnelling (issue 6): the engine's methods plus installed apps, icons and change notices.
import type { FerryResult } from '../../../shared/src/protocol/errors.js';
import type { DesktopApp, SplitIcon, SplitList, SplitMode, SplitRule, SplitStatus } from '../../../shared/src/protocol/split.js';
import type { SplitCaller } from './split-pids.js';

export interface SplitService {
  status(): SplitStatus;
  list(): Promise<SplitList>;
  setMode(mode: SplitMode): Promise<FerryResult<SplitStatus>>;
  addRule(requestedPath: string, name?: string | null): Promise<FerryResult<SplitRule>>;
  removeRule(key: { id: string } | { path: string }): Promise<FerryResult<void>>;
  addPid(pid: number, caller: SplitCaller): Promise<FerryResult<void>>;
  removePid(pid: number, caller: SplitCaller): Promise<FerryResult<void>>;
  launch(caller: SplitCaller, pid?: number): Promise<FerryResult<{ pid: number }>>;
  /** The caller's installed applications (its home from the passwd entry of `uid`). */
  apps(uid: number, dataDirs?: readonly string[]): Promise<FerryResult<DesktopApp[]>>;
  /** An icon file split.apps named, if the caller may read it. */
  icon(uid: number, iconPath: string): Promise<FerryResult<SplitIcon>>;
  /** Called (coalesced) whenever list() would show something new; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}
