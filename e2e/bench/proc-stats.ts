// What a process costs, read from /proc (proc(5)): resident memory (VmRSS, VmHWM) and CPU time (utime + stime).
import { readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/PID/stat times; 100 on every Linux the lab runs on (sysconf(_SC_CLK_TCK)). */
const CLOCK_TICKS_PER_SECOND = 100;

export interface MemoryUsage {
  rssBytes: number;
  /** Peak resident set size since the process started. */
  hwmBytes: number;
}

/** VmRSS and VmHWM of `pid`, in bytes. */
export function readMemory(pid: number): MemoryUsage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssBytes: kib('VmRSS') * 1024, hwmBytes: kib('VmHWM') * 1024 };
}

/** User + system CPU seconds `pid` has used so far (all its threads). */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses: the fields after the last ')' are fixed (utime is field 14).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Samples VmRSS every `intervalMs` until stopped; the maximum is the "under load" figure. */
export class RssSampler {
  private readonly samples: { atMs: number; rssBytes: number }[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly startedMs = Date.now();

  constructor(private readonly pid: number, intervalMs = 250) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): { maxRssBytes: number; samples: { atMs: number; rssBytes: number }[] } {
    clearInterval(this.timer);
    this.sample();
    return { maxRssBytes: Math.max(...this.samples.map((s) => s.rssBytes)), samples: [...this.samples] };
  }

  private sample(): void {
    try {
      this.samples.push({ atMs: Date.now() - this.startedMs, rssBytes: readMemory(this.pid).rssBytes });
    } catch {
      // the process is gone; the caller notices elsewhere
    }
  }
}
