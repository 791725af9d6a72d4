// An in-memory host for split-tunnel tests: processes with exe, argv, owner and cgroup, and a cgroupfs whose moves update them.
import path from 'node:path';
import type { CgroupFs, MoveOutcome } from './cgroup-fs.js';
import type { ProcessStatus, ProcFs } from './proc-fs.js';

export interface FakeProcess {
  pid: number;
  exe: string | null;
  argv?: string[];
  cwd?: string;
  uid?: number;
  ppid?: number;
  name?: string;
  /** As /proc/PID/cgroup shows it; default `/user.slice`. */
  cgroup?: string;
}

export class FakeHost implements ProcFs, CgroupFs {
  readonly processes = new Map<number, Required<FakeProcess>>();
  readonly dirs = new Set<string>();
  /** Symlinks and files for realpath: path → resolved path. */
  readonly files = new Map<string, string>();
  readonly moves: { dir: string; pid: number }[] = [];

  constructor(readonly mountPoint = '/fake-cgroup2') {
    this.dirs.add(mountPoint);
  }

  spawn(process: FakeProcess): this {
    const full = { argv: [process.exe ?? ''], cwd: '/', uid: 1000, ppid: 1, name: path.basename(process.exe ?? 'kthread'), cgroup: '/user.slice', ...process };
    this.processes.set(process.pid, full);
    return this;
  }

  exit(pid: number): void {
    this.processes.delete(pid);
  }

  listPids = (): number[] => [...this.processes.keys()];
  exe = (pid: number): string | null => this.processes.get(pid)?.exe ?? null;
  argv = (pid: number): string[] => this.processes.get(pid)?.argv ?? [];
  cwd = (pid: number): string | null => this.processes.get(pid)?.cwd ?? null;
  cgroup = (pid: number): string | null => this.processes.get(pid)?.cgroup ?? null;
  realpath = (filePath: string): string | null => this.files.get(filePath) ?? null;

  status(pid: number): ProcessStatus | null {
    const process = this.processes.get(pid);
    return process ? { uid: process.uid, ppid: process.ppid, name: process.name } : null;
  }

  exists = (dir: string): boolean => this.dirs.has(dir);
  children = (dir: string): string[] => [...this.dirs].filter((candidate) => path.dirname(candidate) === dir).map((child) => path.basename(child));

  create(dir: string): boolean {
    if (this.dirs.has(dir)) return false;
    this.dirs.add(dir);
    return true;
  }

  remove(dir: string): void {
    if (this.children(dir).length > 0 || this.pids(dir).length > 0) throw new Error(`rmdir ${dir}: EBUSY`);
    this.dirs.delete(dir);
  }

  pids(dir: string): number[] {
    const cgroup = this.cgroupPathOf(dir);
    return [...this.processes.values()].filter((process) => process.cgroup === cgroup).map((process) => process.pid);
  }

  move(dir: string, pid: number): MoveOutcome {
    if (!this.dirs.has(dir)) return { error: `${dir}: ENOENT` };
    const process = this.processes.get(pid);
    if (!process) return 'gone';
    this.moves.push({ dir, pid });
    process.cgroup = this.cgroupPathOf(dir);
    return 'moved';
  }

  private cgroupPathOf(dir: string): string {
    return `/${path.relative(this.mountPoint, dir)}`;
  }
}
