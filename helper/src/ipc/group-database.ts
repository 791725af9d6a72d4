// Read access to /etc/group and /etc/passwd, injected so access checks are testable without real accounts.
import { readFileSync } from 'node:fs';

export interface GroupEntry {
  gid: number;
  /** User names listed in the group's fourth field (supplementary members). */
  members: string[];
}

export interface UserEntry {
  name: string;
  /** Primary group. */
  gid: number;
}

export interface GroupDatabase {
  group(name: string): GroupEntry | null;
  user(uid: number): UserEntry | null;
}

function splitLines(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(':'));
}

/** `name:password:gid:member,member` lines. */
export function parseGroupFile(text: string, name: string): GroupEntry | null {
  for (const fields of splitLines(text)) {
    if (fields[0] !== name || fields.length < 3) continue;
    const gid = Number(fields[2]);
    if (!Number.isInteger(gid)) return null;
    const members = (fields[3] ?? '').split(',').map((m) => m.trim()).filter((m) => m !== '');
    return { gid, members };
  }
  return null;
}

/** `name:password:uid:gid:gecos:home:shell` lines. */
export function parsePasswdFile(text: string, uid: number): UserEntry | null {
  for (const fields of splitLines(text)) {
    if (fields.length < 4 || Number(fields[2]) !== uid || fields[2] === '') continue;
    const gid = Number(fields[3]);
    return Number.isInteger(gid) && fields[0] ? { name: fields[0], gid } : null;
  }
  return null;
}

export type TextReader = (path: string) => string;

/**
 * The local account files, read on every lookup so group changes apply without a restart. Accounts that only exist
 * in NSS sources such as LDAP are not seen: such users get read access. A read failure also means read access.
 */
export function fileGroupDatabase(read: TextReader = (path) => readFileSync(path, 'utf8'), groupPath = '/etc/group', passwdPath = '/etc/passwd'): GroupDatabase {
  const safely = <T>(lookup: () => T | null): T | null => {
    try {
      return lookup();
    } catch {
      return null;
    }
  };
  return {
    group: (name) => safely(() => parseGroupFile(read(groupPath), name)),
    user: (uid) => safely(() => parsePasswdFile(read(passwdPath), uid)),
  };
}
