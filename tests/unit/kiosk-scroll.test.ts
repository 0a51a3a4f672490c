// A kiosk caption that does not fit its box scrolls itself within the chapter's dwell, at no more
// than a reading pace, and the loop gives the chapter the time that takes.
import { describe, expect, test } from 'vitest';
import {
  HOLD_END_S,
  HOLD_START_S,
  SECONDS_PER_LINE,
  captionOffset,
  neededDwell,
} from '../../src/lib/drivers/kiosk-scroll';

const line = 44;

describe('the dwell a chapter needs', () => {
  test('a caption that fits keeps the chapter’s own dwell', () => {
    expect(neededDwell(12, { overflowPx: 0, linePx: line })).toBe(12);
    expect(neededDwell(12, { overflowPx: 0.5, linePx: line })).toBe(12);
  });

  test('a short overflow fits into the chapter’s own dwell', () => {
    // Two lines: 4 s + 4.4 s + 3 s is less than 12 s.
    expect(neededDwell(12, { overflowPx: 2 * line, linePx: line })).toBe(12);
  });

  test('a long overflow lengthens the dwell by reading time for every hidden line', () => {
    const lines = 20;
    const dwell = neededDwell(16, { overflowPx: lines * line, linePx: line });
    expect(dwell).toBeCloseTo(HOLD_START_S + lines * SECONDS_PER_LINE + HOLD_END_S);
    expect(dwell).toBeGreaterThan(16);
    // Larger type (a rotated screen, another language) means more lines, so more time.
    expect(neededDwell(16, { overflowPx: lines * line * 1.5, linePx: line })).toBeGreaterThan(dwell);
  });

  test('nonsense measurements (no layout yet) change nothing', () => {
    expect(neededDwell(14, { overflowPx: NaN, linePx: line })).toBe(14);
    expect(neededDwell(14, { overflowPx: 500, linePx: 0 })).toBe(14);
  });
});

describe('where a long caption is during its dwell', () => {
  const overflowPx = 10 * line;
  const dwellS = neededDwell(12, { overflowPx, linePx: line });
  const opts = { overflowPx, linePx: line, dwellS, viewPx: 600 };

  test('it starts at the top, holds, moves evenly, and shows its end before the chapter ends', () => {
    expect(captionOffset(0, opts)).toBe(0);
    expect(captionOffset((HOLD_START_S - 0.1) / dwellS, opts)).toBe(0);
    const mid = (HOLD_START_S + (dwellS - HOLD_START_S - HOLD_END_S) / 2) / dwellS;
    expect(captionOffset(mid, opts)).toBeCloseTo(overflowPx / 2);
    expect(captionOffset((dwellS - HOLD_END_S + 0.01) / dwellS, opts)).toBe(overflowPx);
    expect(captionOffset(1, opts)).toBe(overflowPx);
  });

  test('it never moves faster than the reading pace', () => {
    let last = 0;
    const steps = 1000;
    for (let i = 1; i <= steps; i++) {
      const now = captionOffset(i / steps, opts);
      expect(now).toBeGreaterThanOrEqual(last);
      const linesPerSecond = (now - last) / line / (dwellS / steps);
      expect(linesPerSecond).toBeLessThanOrEqual(1 / SECONDS_PER_LINE + 1e-9);
      last = now;
    }
  });

  test('a caption that fits never moves', () => {
    for (const p of [0, 0.3, 1]) expect(captionOffset(p, { ...opts, overflowPx: 0 })).toBe(0);
  });

  test('with reduced motion it turns whole pages, keeping a line, and ends on the last', () => {
    const long = 30 * line;
    const reduced = {
      ...opts,
      overflowPx: long,
      dwellS: neededDwell(12, { overflowPx: long, linePx: line }),
      reducedMotion: true,
    };
    const seen: number[] = [];
    for (let i = 0; i <= 400; i++) {
      const now = captionOffset(i / 400, reduced);
      if (seen.at(-1) !== now) seen.push(now);
    }
    const page = opts.viewPx - line;
    expect(seen).toEqual([0, page, 2 * page, long]);
    expect(captionOffset(1, reduced)).toBe(long);
  });
});
