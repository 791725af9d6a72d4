// Tests for access decisions and the account-file readers behind them.
import { describe, expect, it } from 'vitest';
import { accessFor, type PeerCredentials } from './access.js';
import { fileGroupDatabase, parseGroupFile, parsePasswdFile, type GroupDatabase } from './group-database.js';

const GROUP = 'root:x:0:\nferry:x:990:alice,carol\nstaff:x:50:bob\n';
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nbob:x:1001:1001::/home/bob:/bin/sh\ndave:x:1003:990::/home/dave:/bin/sh\n';
const files: Record<string, string> = { '/etc/group': GROUP, '/etc/passwd': PASSWD };
const db = fileGroupDatabase((path) => files[path] ?? '');

const who = (uid: number, gid: number): PeerCredentials => ({ pid: 1, uid, gid });

describe('accessFor', () => {
  it.each<[string, PeerCredentials | null, 'read' | 'write']>([
    ['root', who(0, 0), 'write'],
    ['a process running with the ferry gid', who(1005, 990), 'write'],
    ['a user listed in the ferry group', who(1000, 1000), 'write'],
    ['a user whose primary group is ferry in passwd', who(1003, 1003), 'write'],
    ['another user', who(1001, 1001), 'read'],
    ['an unknown uid', who(4242, 4242), 'read'],
    ['unknown credentials', null, 'read'],
  ])('%s → %s', (_label, credentials, access) => {
    expect(accessFor(credentials, db)).toBe(access);
  });

  it('gives only root write access when the group does not exist', () => {
    const noGroup: GroupDatabase = { group: () => null, user: db.user };
    expect(accessFor(who(1000, 1000), noGroup)).toBe('read');
    expect(accessFor(who(0, 0), noGroup)).toBe('write');
  });

  it('falls back to read when the account files cannot be read', () => {
    const broken = fileGroupDatabase(() => {
      throw new Error('EACCES');
    });
    expect(accessFor(who(1000, 1000), broken)).toBe('read');
  });
});

describe('account file parsing', () => {
  it('reads groups and users', () => {
    expect(parseGroupFile(GROUP, 'ferry')).toEqual({ gid: 990, members: ['alice', 'carol'] });
    expect(parseGroupFile(GROUP, 'root')).toEqual({ gid: 0, members: [] });
    expect(parseGroupFile(GROUP, 'nope')).toBeNull();
    expect(parsePasswdFile(PASSWD, 1001)).toEqual({ name: 'bob', gid: 1001 });
    expect(parsePasswdFile(PASSWD, 77)).toBeNull();
  });

  it('ignores comments and malformed lines', () => {
    expect(parseGroupFile('# ferry:x:1:\nferry\nferry:x:abc:\n', 'ferry')).toBeNull();
    expect(parsePasswdFile('#x:x:5:5\nbroken\n', 5)).toBeNull();
  });
});
