// When the device demands cookies.
import { describe, it, expect } from 'vitest';
import { LoadMonitor } from './load-monitor.js';

describe('LoadMonitor', () => {
  it('is under load after more than 128 handshakes in a second, and for one second after', () => {
    const load = new LoadMonitor();
    for (let i = 0; i < 128; i++) load.noteHandshake(1000 + i);
    expect(load.isUnderLoad(1200)).toBe(false);
    load.noteHandshake(1300);
    expect(load.isUnderLoad(1300)).toBe(true);
    expect(load.isUnderLoad(2299)).toBe(true);
    expect(load.isUnderLoad(2300)).toBe(false);
  });

  it('counts per window, so a slow steady trickle never trips it', () => {
    const load = new LoadMonitor();
    for (let i = 0; i < 1000; i++) load.noteHandshake(i * 10);
    expect(load.isUnderLoad(10_000)).toBe(false);
  });
});
