// Talks to ferryd's Unix socket byte by byte, for tests that send what no well-behaved client would.
import { connect, type Socket } from 'node:net';

export interface Exchange {
  /** Every complete line received, parsed as JSON where possible (else the raw text). */
  replies: unknown[];
  /** True when ferryd closed the connection before we did. */
  closedByPeer: boolean;
}

/**
 * Connects, writes `payload`, and collects reply lines until `expectedReplies` arrived, ferryd closed the
 * connection, or `timeoutMs` passed. Write errors (ferryd hanging up mid-write) are not failures here.
 */
export function exchange(socketPath: string, payload: string | Buffer, expectedReplies: number, timeoutMs = 5_000): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    const replies: unknown[] = [];
    let buffered = '';
    let closedByPeer = false;
    const finish = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ replies, closedByPeer });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      const lines = (buffered + chunk).split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) replies.push(parseLine(line));
      if (replies.length >= expectedReplies) finish();
    });
    socket.on('end', () => {
      closedByPeer = true;
      finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') return finish();
      clearTimeout(timer);
      reject(error);
    });
    socket.on('connect', () => void writeInChunks(socket, Buffer.from(payload), () => replies.length > 0 || socket.destroyed));
  });
}

const WRITE_CHUNK_BYTES = 64 * 1024;

/**
 * Writes in chunks, letting the event loop deliver replies in between, and stops once `stop()` says so: a daemon
 * that answers an oversize line and hangs up would otherwise turn our next write into EPIPE before we read its answer.
 */
async function writeInChunks(socket: Socket, data: Buffer, stop: () => boolean): Promise<void> {
  for (let offset = 0; offset < data.length && !stop(); offset += WRITE_CHUNK_BYTES) {
    await new Promise<void>((resolve) => socket.write(data.subarray(offset, offset + WRITE_CHUNK_BYTES), () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return line;
  }
}

/** One JSON request per line. */
export function lines(...messages: unknown[]): string {
  return messages.map((m) => `${typeof m === 'string' ? m : JSON.stringify(m)}\n`).join('');
}
