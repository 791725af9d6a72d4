// Tests for the logger and its sinks.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/src/protocol/log.js';
import { logEntrySchema } from '../../../shared/src/protocol/log.js';
import { FakeClock } from '../time/fake-clock.js';
import { createStreamSink, formatJsonLine, formatTextLine } from './log-sink.js';
import { Logger } from './logger.js';

function makeLogger(capacity = 5) {
  const clock = new FakeClock(Date.UTC(2026, 0, 2, 3, 4, 5));
  const written: LogEntry[] = [];
  const logger = new Logger({ clock, sink: (entry) => written.push(entry), capacity });
  return { clock, written, logger };
}

describe('Logger', () => {
  it('drops entries under the level and timestamps with the injected clock', () => {
    const { logger, written, clock } = makeLogger();
    logger.debug('hidden');
    clock.advance(1500);
    logger.info('shown', { profile: 'home' });
    expect(written).toEqual([{ at: '2026-01-02T03:04:06.500Z', level: 'info', message: 'shown', fields: { profile: 'home' } }]);
    expect(logEntrySchema.safeParse(written[0]).success).toBe(true);
    logger.setLevel('debug');
    logger.debug('now shown');
    expect(written).toHaveLength(2);
  });

  it('serves the newest entries filtered by level', () => {
    const { logger } = makeLogger(5);
    for (let i = 0; i < 8; i++) logger.log(i % 2 === 0 ? 'warn' : 'info', `m${i}`);
    expect(logger.entries(10).map((e) => e.message)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(logger.entries(2).map((e) => e.message)).toEqual(['m6', 'm7']);
    expect(logger.entries(10, 'warn').map((e) => e.message)).toEqual(['m4', 'm6']);
    expect(logger.entries(0)).toEqual([]);
  });

  it('turns errors and bigints in fields into text', () => {
    const { logger, written } = makeLogger();
    logger.error('failed', { error: new Error('boom'), counter: 5n });
    expect(written[0]?.fields).toEqual({ error: 'boom', counter: '5' });
  });

  it('notifies subscribers until they unsubscribe, surviving a throwing one', () => {
    const { logger } = makeLogger();
    const seen: string[] = [];
    logger.subscribe(() => {
      throw new Error('bad subscriber');
    });
    const unsubscribe = logger.subscribe((entry) => seen.push(entry.message));
    logger.info('one');
    unsubscribe();
    logger.info('two');
    expect(seen).toEqual(['one']);
  });
});

describe('sinks', () => {
  const entry: LogEntry = { at: '2026-01-02T03:04:05.678Z', level: 'warn', message: 'handshake slow', fields: { peer: 'abc', note: 'two words', n: 3 } };

  it('writes JSON lines', () => {
    expect(JSON.parse(formatJsonLine(entry))).toEqual(entry);
    expect(formatJsonLine(entry).endsWith('\n')).toBe(true);
  });

  it('writes readable text', () => {
    expect(formatTextLine(entry)).toBe('03:04:05.678 WARN  handshake slow peer=abc note="two words" n=3\n');
  });

  it('chooses the format by whether the stream is a terminal', () => {
    const lines: string[] = [];
    createStreamSink({ isTTY: true, write: (t: string) => lines.push(t) })(entry);
    createStreamSink({ isTTY: false, write: (t: string) => lines.push(t) })(entry);
    expect(lines[0]).toMatch(/^03:04:05/);
    expect(lines[1]).toMatch(/^\{/);
  });
});
