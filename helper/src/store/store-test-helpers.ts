// Fixtures for store and IPC tests: temp state directories, a quiet logger and sample configurations.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WgQuickConfig } from '../../../shared/src/config/wg-config.js';
import type { LogEntry } from '../../../shared/src/protocol/log.js';
import { encodeKey } from '../../../shared/src/keys/base64-key.js';
import { Logger } from '../log/logger.js';
import { FakeClock } from '../time/fake-clock.js';

/** A key whose 32 bytes all equal `fill` (not a real key pair; enough for storage tests). */
export function fakeKey(fill: number): string {
  return encodeKey(new Uint8Array(32).fill(fill));
}

export function sampleConfig(privateFill = 1): WgQuickConfig {
  return {
    interface: {
      privateKey: fakeKey(privateFill),
      addresses: ['10.0.0.2/32'],
      dns: ['10.0.0.1'],
      dnsSearch: [],
      preUp: [],
      postUp: [],
      preDown: [],
      postDown: [],
    },
    peers: [{ publicKey: fakeKey(2), presharedKey: fakeKey(3), allowedIps: ['0.0.0.0/0'], endpoint: { host: '192.0.2.1', port: 51820 } }],
  };
}

export function memoryLogger(clock = new FakeClock()): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return { logger: new Logger({ clock, sink: (entry) => entries.push(entry), level: 'debug' }), entries };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
