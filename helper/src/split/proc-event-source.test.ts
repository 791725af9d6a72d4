// Choosing the event source: the connector once the kernel acks, /proc polling when it cannot be opened, stays silent or PIDs are not ours.
import { describe, expect, it } from 'vitest';
import type { ProcEvent, ProcEventSource } from '../native/proc-connector.js';
import { FallbackEventSource } from './proc-event-source.js';
import { FakeTimers } from './timers.fake.js';

class ScriptedSource implements ProcEventSource {
  deliver: (events: ProcEvent[]) => void = () => undefined;
  closed = false;
  started = false;

  start(onEvents: (events: ProcEvent[]) => void): void {
    this.started = true;
    this.deliver = onEvents;
  }

  close(): void {
    this.closed = true;
  }
}

function setUp(options: { inChildPidNamespace?: boolean; connectorThrows?: boolean } = {}) {
  const timers = new FakeTimers();
  const connector = new ScriptedSource();
  const poller = new ScriptedSource();
  const fallbacks: string[] = [];
  const received: ProcEvent[] = [];
  const source = new FallbackEventSource({
    openConnector: () => {
      if (options.connectorThrows) throw new Error('socket NETLINK_CONNECTOR: EPROTONOSUPPORT');
      return connector;
    },
    openPoller: () => poller,
    inChildPidNamespace: options.inChildPidNamespace ?? false,
    timers,
    ackTimeoutMs: 1000,
    onFallback: (reason) => fallbacks.push(reason),
  });
  source.start((events) => received.push(...events), () => undefined);
  return { timers, connector, poller, fallbacks, received, source };
}

describe('FallbackEventSource', () => {
  it('uses the connector once the kernel acknowledged the subscription, passing events on without the ack', () => {
    const { timers, connector, poller, received, source } = setUp();
    connector.deliver([{ kind: 'ack', errno: 0 }, { kind: 'exec', pid: 7, timestampNs: 1n }]);
    timers.advance(5000);
    expect(source.kind).toBe('process-connector');
    expect(poller.started).toBe(false);
    expect(received).toEqual([{ kind: 'exec', pid: 7, timestampNs: 1n }]);
  });

  it('falls back to polling when no ack comes, and drops the unconfirmed events', () => {
    const { timers, connector, poller, fallbacks, received, source } = setUp();
    connector.deliver([{ kind: 'exec', pid: 7, timestampNs: 1n }]);
    timers.advance(1000);
    expect(source.kind).toBe('polling');
    expect(connector.closed).toBe(true);
    expect(poller.started).toBe(true);
    expect(fallbacks).toEqual(['the process connector did not acknowledge the subscription']);
    expect(received).toEqual([]);
  });

  it('polls at once when the connector cannot be opened or ferryd is in a child PID namespace', () => {
    const refused = setUp({ connectorThrows: true });
    expect(refused.source.kind).toBe('polling');
    expect(refused.fallbacks).toEqual(['the process connector is unavailable: socket NETLINK_CONNECTOR: EPROTONOSUPPORT']);
    const namespaced = setUp({ inChildPidNamespace: true });
    expect(namespaced.connector.started).toBe(false);
    expect(namespaced.poller.started).toBe(true);
    expect(namespaced.timers.activeCount).toBe(0);
  });
});
