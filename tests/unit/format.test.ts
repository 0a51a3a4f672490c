// Numbers are written as each language writes them: the app's own formatter gives what the
// platform's Intl.NumberFormat gives, for the numbers a story shows.
import { describe, expect, it } from 'vitest';
import { formatArea, formatKm, formatNumber, growthRatio } from '../../src/lib/ui/format';
import { STRINGS } from '../../src/lib/ui/strings';
import type { Figure } from '../../src/lib/story/types';

const intl = (n: number, lang: 'en' | 'zh', digits: number) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    maximumFractionDigits: digits,
    useGrouping: lang === 'zh' ? 'min2' : 'auto',
  }).format(n);

describe('formatNumber', () => {
  it('writes the examples as each language does', () => {
    expect(formatNumber(1310, 'en')).toBe('1,310');
    expect(formatNumber(1310, 'zh')).toBe('1310');
    expect(formatNumber(12345.678, 'zh')).toBe('12,345.68');
    expect(formatNumber(1200000, 'en', 0)).toBe('1,200,000');
    expect(formatNumber(0.5, 'en', 0)).toBe('1');
    expect(formatNumber(-0.001, 'en')).toBe('-0');
    expect(formatKm(1314, 'en')).toBe('1,310 km');
    expect(formatArea(1200, 'zh')).toBe('1200 平方公里');
  });

  it('agrees with Intl.NumberFormat over many numbers, both languages, 0 to 3 decimals', () => {
    // A fixed pseudo-random sequence: the same numbers on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const numbers = [
      0,
      1,
      9,
      10,
      999,
      1000,
      9999,
      10000,
      99999,
      100000,
      1e6,
      123456789,
      0.125,
      2.675,
      100.2 * 10,
    ];
    for (let i = 0; i < 2000; i++) {
      const magnitude = 10 ** Math.floor(next() * 12 - 3);
      numbers.push(Math.round(next() * magnitude * 1e4) / 1e4);
    }
    const wrong: string[] = [];
    for (const n of numbers)
      for (const lang of ['en', 'zh'] as const)
        for (const digits of [0, 1, 2, 3]) {
          const mine = formatNumber(n, lang, digits);
          const theirs = intl(n, lang, digits);
          if (mine !== theirs) wrong.push(`${n} ${lang} ${digits}: ${mine} ≠ ${theirs}`);
        }
    expect(wrong).toEqual([]);
  });
});

describe('a chart told in words', () => {
  const series = (values: number[]) => ({ values: values.map((value) => ({ value })) }) as unknown as Figure;

  it('says how many times the first value the last is, when that is known', () => {
    const ratio = growthRatio(series([100.2, 339.1]), 'en');
    expect(ratio).toBe('3.4');
    expect(STRINGS.en.seriesAlt('GDP', '2010: 100.2; 2020: 339.1', ratio)).toBe(
      'GDP: 2010: 100.2; 2020: 339.1. The last figure is 3.4 times the first.',
    );
    expect(STRINGS.zh.seriesAlt('生产总值', '2010：100.2', ratio)).toBe(
      '生产总值：2010：100.2。最后一项约为第一项的 3.4 倍。',
    );
  });

  it('says nothing of growth when the first value is not above zero', () => {
    const ratio = growthRatio(series([0, 12]), 'en');
    expect(ratio).toBeNull();
    expect(STRINGS.en.seriesAlt('Ships', 'A: 0; B: 12', ratio)).toBe('Ships: A: 0; B: 12.');
    expect(STRINGS.zh.seriesAlt('船', 'A：0', ratio)).toBe('船：A：0。');
  });
});
