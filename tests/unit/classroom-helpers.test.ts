import { describe, expect, it, vi } from 'vitest';
import { clockDriver, formatElapsed } from '../../src/lib/drivers/clock';
import { largestFitting } from '../../src/lib/drivers/fit';
import { modeUrl } from '../../src/lib/state/url';

describe('formatElapsed', () => {
  it('shows minutes and seconds, then hours', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(61_000)).toBe('1:01');
    expect(formatElapsed(3_600_000 + 5 * 60_000 + 7_000)).toBe('1:05:07');
  });
  it('counts nonsense as zero', () => {
    expect(formatElapsed(-5)).toBe('0:00');
    expect(formatElapsed(Number.NaN)).toBe('0:00');
  });
});

describe('clockDriver', () => {
  it('ticks at once and then every interval, and stops on dispose', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(10_000);
      const ticks: number[] = [];
      const stop = clockDriver(10_000, (ms) => ticks.push(ms));
      vi.advanceTimersByTime(2_000);
      expect(ticks).toEqual([0, 1000, 2000]);
      stop();
      vi.advanceTimersByTime(5_000);
      expect(ticks).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('largestFitting', () => {
  it('finds the largest size that fits', () => {
    expect(largestFitting((s) => s <= 23.2, 10, 40, 0.1)).toBeCloseTo(23.2, 0);
  });
  it('keeps the largest size when everything fits, and the floor when nothing does', () => {
    expect(largestFitting(() => true, 10, 40)).toBe(40);
    expect(largestFitting(() => false, 10, 40)).toBe(10);
  });
});

describe('modeUrl', () => {
  it('opens the same page in another mode on a chapter, keeping the language', () => {
    expect(modeUrl('http://x/zh/?mode=present&lang=zh#two-rivers', 'speaker', 'rocket')).toBe(
      'http://x/zh/?mode=speaker&lang=zh#rocket',
    );
  });
});
