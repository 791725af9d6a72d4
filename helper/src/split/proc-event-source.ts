// Chooses how the watcher hears of new processes: the kernel's process connector when it answers, /proc polling otherwise.
import type { ProcEvent, ProcEventSource } from '../native/proc-connector.js';
import type { Timers } from './timers.js';

export type WatcherKind = 'process-connector' | 'polling';

export interface EventSourceOptions {
  openConnector: () => ProcEventSource;
  openPoller: () => ProcEventSource;
  /** The connector reports PIDs of the initial PID namespace: useless (and wrong) inside another one. */
  inChildPidNamespace: boolean;
  timers: Timers;
  /** The kernel acks a subscription at once; silence means it ignored us (another user or PID namespace). */
  ackTimeoutMs?: number;
  /** Told when polling takes over, and why; the watcher rescans /proc then, for what was missed. */
  onFallback: (reason: string) => void;
}

/** Starts with the connector and falls back to polling, once, for good. */
export class FallbackEventSource implements ProcEventSource {
  private current: ProcEventSource | null = null;
  private ackTimer: unknown = null;
  kind: WatcherKind = 'process-connector';

  constructor(private readonly options: EventSourceOptions) {}

  start(onEvents: (events: ProcEvent[]) => void, onError: (error: Error) => void): void {
    if (this.options.inChildPidNamespace) return this.fallBack('ferryd runs in a child PID namespace', onEvents, onError);
    let connector: ProcEventSource;
    try {
      connector = this.options.openConnector();
    } catch (error) {
      return this.fallBack(`the process connector is unavailable: ${(error as Error).message}`, onEvents, onError);
    }
    this.current = connector;
    this.ackTimer = this.options.timers.setTimeout(
      () => this.fallBack('the process connector did not acknowledge the subscription', onEvents, onError),
      this.options.ackTimeoutMs ?? 1000,
    );
    connector.start(
      (events) => this.fromConnector(events, onEvents),
      (error) => this.fallBack(`the process connector failed: ${error.message}`, onEvents, onError),
    );
  }

  close(): void {
    this.clearAckTimer();
    this.current?.close();
    this.current = null;
  }

  private fromConnector(events: ProcEvent[], onEvents: (events: ProcEvent[]) => void): void {
    if (this.ackTimer !== null && events.some((event) => event.kind === 'ack' && event.errno === 0)) this.clearAckTimer();
    // Until the kernel acknowledged us, PIDs may not be ours to trust (see inChildPidNamespace).
    if (this.ackTimer !== null) return;
    const useful = events.filter((event) => event.kind !== 'ack');
    if (useful.length > 0) onEvents(useful);
  }

  private clearAckTimer(): void {
    if (this.ackTimer !== null) this.options.timers.clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }

  private fallBack(reason: string, onEvents: (events: ProcEvent[]) => void, onError: (error: Error) => void): void {
    if (this.kind === 'polling' && this.current !== null) return;
    this.close();
    this.kind = 'polling';
    this.current = this.options.openPoller();
    this.current.start(onEvents, onError);
    this.options.onFallback(reason);
  }
}
