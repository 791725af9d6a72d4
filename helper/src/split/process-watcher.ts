// Puts matching processes into their split cgroup as soon as the kernel reports them; children follow their parent by cgroup inheritance.
import type { ProcEvent } from '../native/proc-connector.js';
import type { Clock } from '../time/clock.js';
import type { MoveOutcome } from './cgroup-fs.js';
import type { ProcFs } from './proc-fs.js';

/** A fork that raced the parent's move must follow it; later forks inherit the cgroup by themselves. */
const RECENT_MOVE_MS = 2000;

export interface CaughtProcessEvent {
  pid: number;
  group: string;
  /** From the kernel's event timestamp to the completed move (null for a rescan). */
  latencyMs: number | null;
}

export interface WatcherDeps {
  procfs: ProcFs;
  /** The group a process belongs to by the rules, or null (already-caught processes are skipped before this). */
  classify(pid: number): string | null;
  /** The Ferry group the process is in now, or null. */
  groupOf(pid: number): string | null;
  moveIn(pid: number, group: string): MoveOutcome;
  clock: Clock;
  /** CLOCK_MONOTONIC, the clock of the kernel's event timestamps. */
  monotonicNs(): bigint;
  onCaught(event: CaughtProcessEvent): void;
  onMoveFailed(pid: number, group: string, error: string): void;
}

export class ProcessWatcher {
  private readonly recent = new Map<number, { group: string; untilMs: number }>();
  private readonly ownPid = process.pid;

  constructor(private readonly deps: WatcherDeps) {}

  /** One batch from the event source, in kernel order. */
  handle(events: readonly ProcEvent[]): void {
    this.expireRecent();
    for (const event of events) {
      if (event.kind === 'exec') this.onExec(event.pid, event.timestampNs);
      else if (event.kind === 'fork') this.onFork(event.pid, event.parentPid, event.timestampNs);
      else if (event.kind === 'overrun') this.rescan();
    }
  }

  /** Walks /proc and catches every matching process not yet in a Ferry group; returns how many moved. */
  rescan(): number {
    let moved = 0;
    for (const pid of this.deps.procfs.listPids()) {
      if (this.ignored(pid) || this.deps.groupOf(pid) !== null) continue;
      const group = this.deps.classify(pid);
      if (group !== null && this.move(pid, group, null)) moved++;
    }
    return moved;
  }

  private onExec(pid: number, timestampNs: bigint): void {
    if (this.ignored(pid)) return;
    const group = this.deps.classify(pid);
    // A caught process that execs something else stays: children follow their parent.
    if (group === null || this.deps.groupOf(pid) !== null) return;
    this.move(pid, group, timestampNs);
  }

  private onFork(pid: number, parentPid: number, timestampNs: bigint): void {
    const parent = this.recent.get(parentPid);
    if (!parent || this.ignored(pid)) return;
    if (this.deps.groupOf(pid) === parent.group) return;
    this.move(pid, parent.group, timestampNs);
  }

  private move(pid: number, group: string, timestampNs: bigint | null): boolean {
    const outcome = this.deps.moveIn(pid, group);
    if (typeof outcome === 'object') {
      this.deps.onMoveFailed(pid, group, outcome.error);
      return false;
    }
    if (outcome === 'gone') return false;
    const latencyMs = timestampNs === null ? null : Number(this.deps.monotonicNs() - timestampNs) / 1e6;
    this.recent.set(pid, { group, untilMs: this.deps.clock.nowMs() + RECENT_MOVE_MS });
    this.deps.onCaught({ pid, group, latencyMs });
    return true;
  }

  private ignored(pid: number): boolean {
    return pid <= 1 || pid === this.ownPid;
  }

  private expireRecent(): void {
    const nowMs = this.deps.clock.nowMs();
    for (const [pid, entry] of this.recent) if (entry.untilMs <= nowMs) this.recent.delete(pid);
  }
}
