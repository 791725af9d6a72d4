// One client connection: framing, dispatch, replies, and its event subscriptions with backpressure.
import type { Socket } from 'node:net';
import { ferryError } from '../../../shared/src/protocol/errors.js';
import type { ResponseEnvelope } from '../../../shared/src/protocol/envelopes.js';
import { LOSSY_EVENTS } from '../../../shared/src/protocol/events.js';
import type { Access, EventName } from '../../../shared/src/protocol/methods.js';
import { MAX_MESSAGE_BYTES } from '../../../shared/src/protocol/version.js';
import type { Logger } from '../log/logger.js';
import type { PeerCredentials } from './access.js';
import { dispatchLine, salvageRequestId, type SessionState } from './dispatch.js';
import type { EventSink } from './event-hub.js';
import { encodeLine, LineDecoder } from '../../../shared/src/protocol/framing.js';
import type { HandlerTable } from './handler-types.js';

export interface SessionLimits {
  /** Longest inbound line. */
  maxLineBytes: number;
  /** Above this much unsent output, stats and log events for this client are dropped (the next ones supersede them). */
  lossyBufferBytes: number;
  /** Above this much unsent output the client is not reading at all: it is disconnected rather than buffered forever. */
  maxBufferedBytes: number;
  /** Requests awaiting a reply at once; more get BAD_REQUEST. */
  maxInFlight: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  maxLineBytes: MAX_MESSAGE_BYTES,
  lossyBufferBytes: 256 * 1024,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxInFlight: 64,
};

export interface SessionOptions {
  id: number;
  table: HandlerTable;
  logger: Logger;
  access: Access;
  credentials: PeerCredentials | null;
  limits: SessionLimits;
}

export class Session implements EventSink {
  private readonly decoder: LineDecoder;
  private readonly state: SessionState;
  private subscriptions = new Set<EventName>();
  private inFlight = 0;
  private closed = false;
  /** Events dropped for backpressure, reported once when the connection ends. */
  droppedEvents = 0;

  constructor(
    private readonly socket: Socket,
    private readonly options: SessionOptions,
  ) {
    this.decoder = new LineDecoder(options.limits.maxLineBytes);
    this.state = {
      greeted: false,
      context: {
        access: options.access,
        credentials: options.credentials,
        setSubscriptions: (events) => {
          this.subscriptions = new Set(events);
        },
      },
    };
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  wants(event: EventName): boolean {
    return !this.closed && this.subscriptions.has(event);
  }

  deliver(event: EventName, line: string): void {
    if (this.closed) return;
    if (LOSSY_EVENTS.has(event) && this.socket.writableLength > this.options.limits.lossyBufferBytes) {
      this.droppedEvents++;
      return;
    }
    this.write(line);
  }

  /** Marks the session finished; late replies are discarded. */
  markClosed(): void {
    this.closed = true;
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.decoder.push(chunk)) {
      if (this.closed) return;
      if (frame.kind === 'oversize') this.reply({ id: null, error: ferryError('MESSAGE_TOO_LARGE') });
      else this.handleLine(frame.text);
    }
  }

  private handleLine(text: string): void {
    if (this.inFlight >= this.options.limits.maxInFlight) {
      this.reply({ id: salvageRequestId(text), error: ferryError('BAD_REQUEST', 'too many requests awaiting a reply') });
      return;
    }
    const outcome = dispatchLine(text, this.state, this.options.table, (method, error) => {
      this.options.logger.error('handler failed', { method, error, connection: this.options.id });
    });
    if (!(outcome instanceof Promise)) {
      this.reply(outcome);
      return;
    }
    this.inFlight++;
    void outcome.then((response) => {
      this.inFlight--;
      this.reply(response);
    });
  }

  private reply(response: ResponseEnvelope): void {
    if (this.closed) return;
    let line: string;
    try {
      line = encodeLine(response);
    } catch (error) {
      // A result JSON cannot express (a cycle, a BigInt) is a bug: the client still gets an answer.
      this.options.logger.error('reply not serialisable', { error, connection: this.options.id });
      line = encodeLine({ id: response.id, error: ferryError('INTERNAL') });
    }
    this.write(line);
  }

  private write(line: string): void {
    this.socket.write(line);
    if (this.socket.writableLength > this.options.limits.maxBufferedBytes) {
      this.closed = true;
      this.socket.destroy();
      // Deferred: logging publishes a `log` event, which must not re-enter the delivery in progress.
      queueMicrotask(() => this.options.logger.warn('dropped a client that does not read its replies', { connection: this.options.id }));
    }
  }
}
