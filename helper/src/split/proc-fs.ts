// What the split-tunnel engine reads about processes in /proc (proc(5)); synchronous because procfs answers from memory and the watcher races the process.
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface ProcessStatus {
  /** Real uid (the `Uid:` line's first field): who started it. */
  uid: number;
  /** Parent's PID (the thread group of the parent). */
  ppid: number;
  /** The short command name. */
  name: string;
}

/** Every read returns null (or empty) when the process is gone or unreadable: processes exit at any time. */
export interface ProcFs {
  listPids(): number[];
  /** /proc/PID/exe with a " (deleted)" suffix removed (the binary was replaced by an upgrade). */
  exe(pid: number): string | null;
  argv(pid: number): string[];
  cwd(pid: number): string | null;
  status(pid: number): ProcessStatus | null;
  /** The cgroup v2 path from the `0::` line of /proc/PID/cgroup, e.g. `/user.slice/…`. */
  cgroup(pid: number): string | null;
  /** Symlinks resolved, or null if the path does not exist. */
  realpath(filePath: string): string | null;
}

function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

export function parseStatus(text: string): ProcessStatus | null {
  const field = (name: string): string | undefined => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1];
  const uid = Number(field('Uid')?.split(/\s+/)[0]);
  const ppid = Number(field('PPid'));
  const name = field('Name') ?? '';
  return Number.isInteger(uid) && Number.isInteger(ppid) ? { uid, ppid, name } : null;
}

export function parseCgroupV2Line(text: string): string | null {
  return /^0::(.*)$/m.exec(text)?.[1] ?? null;
}

export function createProcFs(procRoot = '/proc'): ProcFs {
  const at = (pid: number, file: string): string => path.join(procRoot, String(pid), file);
  return {
    listPids: () => readdirSync(procRoot).flatMap((name) => (/^[1-9][0-9]*$/.test(name) ? [Number(name)] : [])),
    exe: (pid) => orNull(() => readlinkSync(at(pid, 'exe')).replace(/ \(deleted\)$/, '')),
    argv: (pid) => orNull(() => readFileSync(at(pid, 'cmdline'), 'utf8').split('\0').slice(0, -1)) ?? [],
    cwd: (pid) => orNull(() => readlinkSync(at(pid, 'cwd'))),
    status: (pid) => orNull(() => parseStatus(readFileSync(at(pid, 'status'), 'utf8'))),
    cgroup: (pid) => orNull(() => parseCgroupV2Line(readFileSync(at(pid, 'cgroup'), 'utf8'))),
    realpath: (filePath) => orNull(() => realpathSync(filePath)),
  };
}

/**
 * True when ferryd runs in a child PID namespace (more than one `NSpid:` entry): the process connector then
 * reports PIDs of the initial namespace, which mean nothing here, so only polling /proc is correct.
 */
export function inChildPidNamespace(procRoot = '/proc'): boolean {
  const status = orNull(() => readFileSync(path.join(procRoot, 'self', 'status'), 'utf8')) ?? '';
  const nspid = /^NSpid:\s*(.*)$/m.exec(status)?.[1];
  return nspid !== undefined && nspid.trim().split(/\s+/).length > 1;
}
