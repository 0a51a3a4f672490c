import { describe, expect, it, vi } from 'vitest';
import { clockDriver, formatElapsed } from '../../src/lib/drivers/clock';
import { chooseLayout, largestFitting, parseLayouts } from '../../src/lib/drivers/fit';
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

describe('chooseLayout', () => {
  // A chapter that needs 1200 px² at 10 px type, in proportion to the square of the size; a
  // layout holds its area.
  const area = { one: 900, two: 1400, three: 2000 } as const;
  type L = keyof typeof area;
  const fits = (l: L, size: number) => 1200 * (size / 10) ** 2 <= area[l];
  const bounds = () => ({ min: 10, max: 20 });

  it('takes the first layout that holds the chapter at the floor, in the largest type that fits it', () => {
    const c = chooseLayout<L>(['one', 'two', 'three'], bounds, fits, 0.01);
    expect(c.layout).toBe('two');
    expect(c.fits).toBe(true);
    expect(c.size).toBeCloseTo(10 * Math.sqrt(1400 / 1200), 1);
  });
  it('never goes below the floor: when nothing holds the chapter, the last layout at the floor', () => {
    const c = chooseLayout<L>(['one'], bounds, fits);
    expect(c).toEqual({ layout: 'one', size: 10, fits: false });
  });
  it('keeps the first layout when it holds the chapter', () => {
    expect(chooseLayout<L>(['three', 'one'], bounds, fits).layout).toBe('three');
  });
  it('refuses an empty list', () => {
    expect(() => chooseLayout([], bounds, () => true)).toThrow(/no layouts/);
  });
});

describe('parseLayouts', () => {
  it('reads a custom property value as a list of names', () => {
    expect(parseLayouts(' one two  pages')).toEqual(['one', 'two', 'pages']);
    expect(parseLayouts('"one", two')).toEqual(['one', 'two']);
    expect(parseLayouts('')).toEqual([]);
  });
});

describe('modeUrl', () => {
  it('opens the same page in another mode on a chapter, keeping the language', () => {
    expect(modeUrl('http://x/zh/?mode=present&lang=zh#two-rivers', 'speaker', 'rocket')).toBe(
      'http://x/zh/?mode=speaker&lang=zh#rocket',
    );
  });
});
