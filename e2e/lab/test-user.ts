// A real unprivileged local user for permission tests: created with useradd, removed with userdel (by the test, in finally).
import { randomBytes } from 'node:crypto';
import { run } from './exec.js';
import type { AsUser } from './ferryd.js';

export interface TestUser extends AsUser {
  name: string;
  remove(): Promise<void>;
}

/** Creates `ferry-test-<random>`: no home directory, no login shell, its own group and no other. */
export async function createTestUser(): Promise<TestUser> {
  const name = `ferry-test-${randomBytes(4).toString('hex')}`;
  await run('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', name]);
  const uid = Number((await run('id', ['-u', name])).stdout.trim());
  const gid = Number((await run('id', ['-g', name])).stdout.trim());
  if (!(uid > 0) || !(gid > 0)) throw new Error(`useradd made ${name} with uid ${uid} gid ${gid}`);
  return {
    name,
    uid,
    gid,
    remove: async () => {
      await run('userdel', [name], { allowFailure: true });
    },
  };
}

/** True when a user of that name exists. */
export async function userExists(name: string): Promise<boolean> {
  return (await run('id', ['-u', name], { allowFailure: true })).code === 0;
}
