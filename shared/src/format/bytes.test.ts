// Tests for the byte and rate formatters.
import { describe, expect, it } from 'vitest';
import { formatBitRate, formatByteRate, formatBytes } from './bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [12 * 1024, '12 KiB'],
    [300 * 1024, '300 KiB'],
    [1.2 * 1024 * 1024, '1.2 MiB'],
    [1024 * 1024 - 1, '1 MiB'],
    [5 * 1024 ** 3, '5 GiB'],
    [2 * 1024 ** 4, '2 TiB'],
    [-1, '-'],
    [Number.NaN, '-'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('rates', () => {
  it.each([
    [0, '0 B/s'],
    [2048, '2 KiB/s'],
  ])('byte rate %d → %s', (rate, text) => {
    expect(formatByteRate(rate)).toBe(text);
  });

  it.each([
    [0, '0 bit/s'],
    [100, '800 bit/s'],
    [125, '1 kbit/s'],
    [1_200_000, '9.6 Mbit/s'],
    [125_000_000, '1 Gbit/s'],
    [-5, '-'],
  ])('bit rate %d B/s → %s', (rate, text) => {
    expect(formatBitRate(rate)).toBe(text);
  });
});
