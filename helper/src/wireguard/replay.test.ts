// Replay window vectors ported from the kernel's selftest/counter.c and wireguard-go replay_test.go.
import { describe, it, expect } from 'vitest';
import { REPLAY_WINDOW_SIZE, ReplayWindow } from './replay.js';
import { REJECT_AFTER_MESSAGES } from './constants.js';

const W = REPLAY_WINDOW_SIZE;
const T_LIM = W + 1;
// The original tables use 2^64 − 2^13 − 1, which a double cannot hold; a limit with the same
// low-bit structure that fits exactly in 53 bits exercises the same edge cases.
const LIMIT = 2 ** 40 - 2 ** 13 - 1;

type Step = [counter: number, accepted: boolean];

const scripted: Step[] = [
  [0, true], [1, true], [1, false], [9, true], [8, true], [7, true], [7, false],
  [T_LIM, true], [T_LIM - 1, true], [T_LIM - 1, false], [T_LIM - 2, true], [2, true], [2, false],
  [T_LIM + 16, true], [3, false], [T_LIM + 16, false], [T_LIM * 4, true], [T_LIM * 4 - (T_LIM - 1), true],
  [10, false], [T_LIM * 4 - T_LIM, false], [T_LIM * 4 - (T_LIM + 1), false], [T_LIM * 4 - (T_LIM - 2), true],
  [T_LIM * 4 + 1 - T_LIM, false], [0, false],
  [LIMIT, false], [LIMIT - 1, true], [LIMIT, false], [LIMIT - 1, false], [LIMIT - 2, true],
  [LIMIT + 1, false], [LIMIT + 2, false], [LIMIT - 2, false], [LIMIT - 3, true], [0, false],
];

function range(from: number, to: number): number[] {
  const out: number[] = [];
  const step = from <= to ? 1 : -1;
  for (let i = from; i !== to + step; i += step) out.push(i);
  return out;
}

const accepting = (counters: number[]): Step[] => counters.map((c) => [c, true]);

const bulk: { name: string; steps: Step[] }[] = [
  { name: 'fill forward then 0', steps: [...accepting(range(1, W)), [0, true], [0, false]] },
  { name: 'fill forward from 2 then 1', steps: [...accepting(range(2, W + 1)), [1, true], [0, false]] },
  { name: 'fill backward to 1', steps: accepting(range(W + 1, 1)) },
  { name: 'fill backward to 2, 0 falls out', steps: [...accepting(range(W + 2, 2)), [0, false]] },
  { name: 'fill backward then advance', steps: [...accepting(range(W, 1)), [W + 1, true], [0, false]] },
  { name: 'fill backward, 0, then advance', steps: [...accepting(range(W, 1)), [0, true], [W + 1, true]] },
];

function run(window: ReplayWindow, steps: Step[]): number {
  for (const [i, [counter, expected]] of steps.entries()) {
    if (window.accept(counter) !== expected) return i + 1;
  }
  return 0;
}

describe('ReplayWindow', () => {
  it('has the 8128-counter window of wireguard-go', () => {
    expect(W).toBe(8128);
  });

  it('passes the scripted kernel/wireguard-go sequence', () => {
    expect(run(new ReplayWindow(LIMIT), scripted)).toBe(0);
  });

  it.each(bulk)('bulk: $name', ({ steps }) => {
    const window = new ReplayWindow(LIMIT);
    expect(run(window, steps)).toBe(0);
    window.reset();
    expect(run(window, steps)).toBe(0);
  });

  it('rejects counters at the default REJECT_AFTER_MESSAGES and negative counters', () => {
    const window = new ReplayWindow();
    expect(window.accept(REJECT_AFTER_MESSAGES)).toBe(false);
    expect(window.accept(-1)).toBe(false);
    expect(window.accept(2 ** 52)).toBe(true);
    expect(window.accept(2 ** 52)).toBe(false);
    expect(window.accept(2 ** 52 - W)).toBe(true);
    expect(window.accept(2 ** 52 - W - 1)).toBe(false);
  });

  it('forgets counters after a jump past the whole ring', () => {
    const window = new ReplayWindow();
    expect(window.accept(5)).toBe(true);
    expect(window.accept(5 + 64 * 128 * 3)).toBe(true);
    expect(window.accept(5 + 64 * 128 * 2 + 64)).toBe(true);
  });
});
