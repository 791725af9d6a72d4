// The fallback when the process connector is unavailable: /proc is scanned every interval and new processes or new executables become events.
import type { ProcEvent, ProcEventSource } from '../native/proc-connector.js';
import type { ProcFs } from './proc-fs.js';
import type { Timers } from './timers.js';

/** Spawn to caught measured 10–88 ms here (a scan of ~120 processes is well under 1 ms; ~500 on a desktop about 1 ms). */
export const DEFAULT_POLL_INTERVAL_MS = 30;

/**
 * A new PID gives a fork event (its parent from /proc/PID/status) and an exec event; a known PID whose executable
 * changed gives an exec event. The first scan only learns what exists: the watcher rescans by itself on start.
 * Timestamps are those of the scan, so a measured delay leaves out up to one interval.
 */
export class ProcPoller implements ProcEventSource {
  private known = new Map<number, string | null>();
  private handle: unknown = null;

  constructor(
    private readonly procfs: ProcFs,
    private readonly timers: Timers,
    private readonly monotonicNs: () => bigint,
    private readonly intervalMs = DEFAULT_POLL_INTERVAL_MS,
  ) {}

  start(onEvents: (events: ProcEvent[]) => void, _onError: (error: Error) => void): void {
    this.scan();
    this.handle = this.timers.setInterval(() => {
      const events = this.scan();
      if (events.length > 0) onEvents(events);
    }, this.intervalMs);
  }

  close(): void {
    if (this.handle !== null) this.timers.clearInterval(this.handle);
    this.handle = null;
  }

  /** One pass over /proc; returns the events since the previous pass. */
  scan(): ProcEvent[] {
    const timestampNs = this.monotonicNs();
    const first = this.known.size === 0;
    const next = new Map<number, string | null>();
    const events: ProcEvent[] = [];
    for (const pid of this.procfs.listPids()) {
      const exe = this.procfs.exe(pid);
      next.set(pid, exe);
      if (first) continue;
      if (!this.known.has(pid)) {
        const parentPid = this.procfs.status(pid)?.ppid ?? 0;
        events.push({ kind: 'fork', pid, parentPid, timestampNs }, { kind: 'exec', pid, timestampNs });
      } else if (this.known.get(pid) !== exe) {
        events.push({ kind: 'exec', pid, timestampNs });
      }
    }
    this.known = next;
    return events;
  }
}
