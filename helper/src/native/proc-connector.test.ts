// The process connector wrapper: record decoding, and on the real kernel (root) the subscription ack and the exec of a child.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { decodeProcRecord, openProcConnector, type ProcEvent } from './proc-connector.js';

function record(kind: number, pid: number, other: number, timestampNs: bigint): DataView {
  const view = new DataView(new ArrayBuffer(24));
  const littleEndian = os.endianness() === 'LE';
  view.setUint32(0, kind, littleEndian);
  view.setInt32(4, pid, littleEndian);
  view.setInt32(8, other, littleEndian);
  view.setBigUint64(16, timestampNs, littleEndian);
  return view;
}

describe('decodeProcRecord', () => {
  it('decodes the four record kinds and skips unknown ones', () => {
    expect(decodeProcRecord(record(2, 42, 0, 7n))).toEqual({ kind: 'exec', pid: 42, timestampNs: 7n });
    expect(decodeProcRecord(record(1, 43, 42, 8n))).toEqual({ kind: 'fork', pid: 43, parentPid: 42, timestampNs: 8n });
    expect(decodeProcRecord(record(0, 0, 0, 9n))).toEqual({ kind: 'ack', errno: 0 });
    expect(decodeProcRecord(record(0xffff, 0, 105, 0n))).toEqual({ kind: 'overrun' });
    expect(decodeProcRecord(record(77, 1, 1, 1n))).toBeNull();
  });
});

/** Waits for events the kernel has already queued, turn by turn of the event loop, up to 2 s. */
async function until(done: () => boolean): Promise<void> {
  const startedMs = Date.now();
  while (!done() && Date.now() - startedMs < 2000) await new Promise((resolve) => setImmediate(resolve));
}

describe('openProcConnector on the real kernel (root, initial PID namespace)', () => {
  it('acknowledges the subscription and reports the fork and exec of a child', async () => {
    const source = openProcConnector();
    const events: ProcEvent[] = [];
    const errors: Error[] = [];
    source.start((batch) => events.push(...batch), (error) => errors.push(error));
    try {
      const pid = await new Promise<number>((resolve) => {
        const child = execFile('/bin/true', () => resolve(child.pid ?? -1));
      });
      await until(() => events.some((event) => event.kind === 'exec' && event.pid === pid));
      expect(errors).toEqual([]);
      expect(events).toContainEqual({ kind: 'ack', errno: 0 });
      expect(events).toContainEqual(expect.objectContaining({ kind: 'fork', pid, parentPid: process.pid }));
      expect(events).toContainEqual(expect.objectContaining({ kind: 'exec', pid }));
    } finally {
      source.close();
    }
  });
});
