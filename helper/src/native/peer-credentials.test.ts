// SO_PEERCRED on a real Unix socket connection within this process.
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { peerCredentials } from './peer-credentials.js';

describe('peerCredentials', () => {
  it("gives each end the other's pid, uid and gid", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-peercred-'));
    const server = createServer();
    try {
      server.listen(join(dir, 'test.sock'));
      await once(server, 'listening');
      const accepted = once(server, 'connection') as Promise<[Socket]>;
      const client = createConnection(join(dir, 'test.sock'));
      await once(client, 'connect');
      const [serverSide] = await accepted;
      const expected = { pid: process.pid, uid: process.getuid?.(), gid: process.getgid?.() };
      expect(peerCredentials(serverSide)).toEqual(expected);
      expect(peerCredentials(client)).toEqual(expected);
      client.destroy();
      serverSide.destroy();
      expect(() => peerCredentials(serverSide)).toThrow(/no file descriptor/);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
