// The cgroup v2 filesystem operations split tunnelling needs (cgroup-v2.rst): make and remove a cgroup, list and move its processes.
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type MoveOutcome = 'moved' | 'gone' | { error: string };

/** Synchronous like ProcFs: cgroupfs answers from memory, and a move should land before the process opens sockets. */
export interface CgroupFs {
  exists(dir: string): boolean;
  /** mkdir; false when it already existed. */
  create(dir: string): boolean;
  /** rmdir: the kernel refuses (EBUSY) while processes or child cgroups remain. */
  remove(dir: string): void;
  /** Child cgroup directory names. */
  children(dir: string): string[];
  /** Thread-group ids in cgroup.procs (this cgroup only, not its children). */
  pids(dir: string): number[];
  /** Writes the PID to cgroup.procs, which moves the whole process; `gone` when it exited (ESRCH). */
  move(dir: string, pid: number): MoveOutcome;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

export function createCgroupFs(): CgroupFs {
  return {
    exists: (dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    },
    create: (dir) => {
      try {
        mkdirSync(dir);
        return true;
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return false;
        throw error;
      }
    },
    remove: (dir) => rmdirSync(dir),
    children: (dir) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name),
    pids: (dir) =>
      readFileSync(path.join(dir, 'cgroup.procs'), 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map(Number),
    move: (dir, pid) => {
      try {
        writeFileSync(path.join(dir, 'cgroup.procs'), `${pid}\n`);
        return 'moved';
      } catch (error) {
        if (errorCode(error) === 'ESRCH') return 'gone';
        return { error: (error as Error).message };
      }
    },
  };
}
