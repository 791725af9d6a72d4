// Tests for the socket file: parent directory, stale sockets, refusing foreign files, and its mode.
import { spawn } from 'node:child_process';
import { lstat, mkdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../store/store-test-helpers.js';
import { prepareSocketPath, secureSocket } from './socket-path.js';

/** Leaves a socket file nobody listens on: a child binds it and is killed before it can clean up. */
async function staleSocket(path: string): Promise<void> {
  const script = `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('ready'))`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  await exited;
}

describe('prepareSocketPath', () => {
  it('creates the parent directory at 0755', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'run', 'ferry', 'ferryd.sock');
      await prepareSocketPath(path);
      expect((await stat(join(dir, 'run', 'ferry'))).mode & 0o777).toBe(0o755);
    });
  });

  it('removes a stale socket', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'ferryd.sock');
      await staleSocket(path);
      expect((await lstat(path)).isSocket()).toBe(true);
      await prepareSocketPath(path);
      await expect(lstat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  it('refuses to take over a live socket', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'ferryd.sock');
      const other = createServer();
      await new Promise<void>((resolve) => other.listen(path, resolve));
      try {
        await expect(prepareSocketPath(path)).rejects.toThrow(/already listening/);
      } finally {
        await new Promise<void>((resolve) => other.close(() => resolve()));
      }
    });
  });

  it.each([
    ['a regular file', (path: string) => writeFile(path, 'keep me')],
    ['a directory', (path: string) => mkdir(path)],
  ])('never deletes %s in its place', async (_label, make) => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'ferryd.sock');
      await make(path);
      await expect(prepareSocketPath(path)).rejects.toThrow(/not a socket/);
      await expect(lstat(path)).resolves.toBeDefined();
    });
  });
});

describe('secureSocket', () => {
  async function withSocket(run: (path: string) => Promise<void>): Promise<void> {
    await withTempDir(async (dir) => {
      const path = join(dir, 's.sock');
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(path, resolve));
      try {
        await run(path);
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  }

  it('lets every local user connect (0666): access is decided per caller, not by the file mode', async () => {
    await withSocket(async (path) => {
      await secureSocket(path);
      expect((await stat(path)).mode & 0o777).toBe(0o666);
    });
  });
});
