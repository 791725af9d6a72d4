// ping(8) in a lab namespace: one-shot runs and a continuous monitor that measures the longest gap between replies.
import { inNamespace, runIn } from './exec.js';
import type { ProcessTracker, TrackedProcess } from './processes.js';

export interface PingReply {
  /** Wall-clock ms when the reply arrived (ping -D). */
  atMs: number;
  seq: number;
  rttMs: number;
}

export interface PingSummary {
  sent: number;
  received: number;
  replies: PingReply[];
  rttMs: number[];
  /** The longest stretch without a reply, from the first reply to the end of the run (ms). */
  maxGapMs: number;
}

const REPLY_LINE = /^\[(\d+\.\d+)\].* icmp_seq=(\d+) .*time=([\d.]+) ms/;

export function parsePingReply(line: string): PingReply | undefined {
  const match = REPLY_LINE.exec(line);
  if (match === null) return undefined;
  return { atMs: Number(match[1]) * 1000, seq: Number(match[2]), rttMs: Number(match[3]) };
}

export function summarize(replies: readonly PingReply[], sent: number, endMs: number): PingSummary {
  let maxGapMs = 0;
  for (let i = 1; i < replies.length; i += 1) {
    maxGapMs = Math.max(maxGapMs, (replies[i]?.atMs ?? 0) - (replies[i - 1]?.atMs ?? 0));
  }
  const last = replies[replies.length - 1];
  if (last !== undefined) maxGapMs = Math.max(maxGapMs, endMs - last.atMs);
  return { sent, received: replies.length, replies: [...replies], rttMs: replies.map((r) => r.rttMs), maxGapMs };
}

function sentFrom(output: string): number {
  return Number(/(\d+) packets transmitted/.exec(output)?.[1] ?? 0);
}

/** Sends `count` pings `intervalSec` apart and waits for them; never throws on loss. */
export async function pingOnce(ns: string, target: string, count: number, intervalSec = 0.2, waitSec = 2): Promise<PingSummary> {
  const args = ['-D', '-n', '-c', String(count), '-i', String(intervalSec), '-W', String(waitSec), target];
  const { stdout } = await runIn(ns, 'ping', args, { allowFailure: true, timeoutMs: (count * intervalSec + waitSec + 10) * 1000 });
  const replies = stdout.split('\n').flatMap((line) => parsePingReply(line) ?? []);
  return summarize(replies, sentFrom(stdout), replies[replies.length - 1]?.atMs ?? Date.now());
}

/** A ping running in the background; `stop` (SIGINT by PID) ends it and returns what it saw. */
export class PingMonitor {
  private readonly replies: PingReply[] = [];
  private readonly process: TrackedProcess;

  constructor(processes: ProcessTracker, ns: string, target: string, intervalSec: number) {
    const [file, args] = inNamespace(ns, 'ping', ['-D', '-n', '-i', String(intervalSec), target]);
    this.process = processes.spawn(file, args, {
      onLine: (line) => {
        const reply = parsePingReply(line);
        if (reply !== undefined) this.replies.push(reply);
      },
    });
  }

  /** Replies so far (copied). */
  seen(): PingReply[] {
    return [...this.replies];
  }

  /** Resolves with the first reply that arrived after `afterMs` (wall clock), or undefined after `timeoutMs`. */
  async firstReplyAfter(afterMs: number, timeoutMs: number): Promise<PingReply | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.replies.find((r) => r.atMs > afterMs);
      if (found !== undefined || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<PingSummary> {
    const endMs = Date.now();
    await this.process.stop('SIGINT', 3_000);
    return summarize(this.replies, sentFrom(this.process.output()), endMs);
  }
}
