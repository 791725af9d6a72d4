// Tests for the wire envelopes and error shapes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ERROR_MESSAGES, ERROR_CODES, fail, ferryError, ferryErrorSchema, ok } from './errors.js';
import { eventEnvelopeSchema, requestSchema, responseSchema, serverMessageSchema } from './envelopes.js';

describe('request envelope', () => {
  it.each([
    { id: 1, method: 'status' },
    { id: 'a1', method: 'connect', params: { name: 'home' } },
    { id: 0, method: 'x', params: null },
  ])('accepts %j', (message) => {
    expect(requestSchema.safeParse(message).success).toBe(true);
  });

  it.each([
    ['no id', { method: 'status' }],
    ['negative id', { id: -1, method: 'status' }],
    ['fractional id', { id: 1.5, method: 'status' }],
    ['empty string id', { id: '', method: 'status' }],
    ['object id', { id: {}, method: 'status' }],
    ['no method', { id: 1 }],
    ['empty method', { id: 1, method: '' }],
    ['an extra key', { id: 1, method: 'status', extra: true }],
    ['an array', [1, 'status']],
    ['a string', 'status'],
    ['null', null],
  ])('rejects %s', (_label, message) => {
    expect(requestSchema.safeParse(message).success).toBe(false);
  });
});

describe('responses and events', () => {
  it('accepts results, errors (id null for unreadable requests) and events', () => {
    expect(responseSchema.safeParse({ id: 1, result: { ok: true } }).success).toBe(true);
    expect(responseSchema.safeParse({ id: null, error: ferryError('INVALID_JSON') }).success).toBe(true);
    expect(eventEnvelopeSchema.safeParse({ event: 'state', data: {} }).success).toBe(true);
    expect(serverMessageSchema.safeParse({ event: 'log', data: 1 }).success).toBe(true);
  });

  it('rejects an error with an unknown code or a response with both result and error', () => {
    expect(responseSchema.safeParse({ id: 1, error: { code: 'NOPE', message: 'x' } }).success).toBe(false);
    expect(responseSchema.safeParse({ id: 1, result: 1, error: ferryError('INTERNAL') }).success).toBe(false);
    expect(responseSchema.safeParse({ id: null, result: 1 }).success).toBe(false);
  });
});

describe('errors', () => {
  it('has a default message for every code', () => {
    for (const code of ERROR_CODES) expect(DEFAULT_ERROR_MESSAGES[code].length).toBeGreaterThan(0);
  });

  it('builds errors and results', () => {
    expect(ferryError('NOT_CONNECTED')).toEqual({ code: 'NOT_CONNECTED', message: 'not connected' });
    expect(ferryError('PROFILE_NOT_FOUND', 'profile "x" not found', { name: 'x' })).toEqual({
      code: 'PROFILE_NOT_FOUND',
      message: 'profile "x" not found',
      details: { name: 'x' },
    });
    expect(ferryErrorSchema.safeParse(ferryError('INTERNAL')).success).toBe(true);
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('INTERNAL')).toEqual({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL } });
  });
});
