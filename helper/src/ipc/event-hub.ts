// Fans events out to the connections that subscribed to them; each event is serialised once.
import type { FerryEvent } from '../../../shared/src/protocol/events.js';
import type { EventName } from '../../../shared/src/protocol/methods.js';
import { encodeLine } from '../../../shared/src/protocol/framing.js';

export interface EventSink {
  /** Whether this connection asked for the event. */
  wants(event: EventName): boolean;
  /** Queue the already-encoded line; the sink applies its own backpressure policy. */
  deliver(event: EventName, line: string): void;
}

export class EventHub {
  private readonly sinks = new Set<EventSink>();

  add(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  publish(event: FerryEvent): void {
    let line: string | null = null;
    // A copy: delivering may close a slow connection, which removes its sink.
    for (const sink of [...this.sinks]) {
      if (!sink.wants(event.event)) continue;
      line ??= encodeLine(event);
      sink.deliver(event.event, line);
    }
  }

  get size(): number {
    return this.sinks.size;
  }
}
