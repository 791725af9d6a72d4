// Tests for the duration, age and latency formatters.
import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration, formatDurationShort, formatLatency } from './duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [12, '12 seconds'],
    [12.9, '12 seconds'],
    [60, '1 minute'],
    [65, '1 minute, 5 seconds'],
    [3600 + 120, '1 hour, 2 minutes'],
    [86400 * 2 + 3, '2 days, 3 seconds'],
    [365 * 86400, '1 year'],
    [-1, '-'],
    [Number.POSITIVE_INFINITY, '-'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('shortens to two units', () => {
    expect(formatDurationShort(86400 + 3600 + 61)).toBe('1 day, 1 hour');
  });
});

describe('formatAgo', () => {
  it.each([
    [0, 'just now'],
    [0.5, 'just now'],
    [12, '12 seconds ago'],
    [125, '2 minutes, 5 seconds ago'],
    [-3, '-'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatAgo(seconds)).toBe(text);
  });
});

describe('formatLatency', () => {
  it.each([
    [0.42, '0.4 ms'],
    [3, '3 ms'],
    [9.96, '10 ms'],
    [23.4, '23 ms'],
    [Number.NaN, '-'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });
});
