// Numbers, units, list joins and chapter counters are written as each language writes them: the
// app's own formatter gives what the platform's Intl.NumberFormat gives, for the numbers a story
// shows, in every language of the interface.
import { describe, expect, it } from 'vitest';
import { formatArea, formatKm, formatNumber, growthRatio } from '../../src/lib/ui/format';
import { STRINGS } from '../../src/lib/ui/strings';
import { LANGS, type Figure, type Lang } from '../../src/lib/story/types';

/** Each language's Intl formatter, as the app's own is held to: Spanish groups four digits too. */
const INTL: Record<Lang, [locale: string, grouping: 'auto' | 'min2' | 'always']> = {
  en: ['en-GB', 'auto'],
  zh: ['zh-CN', 'min2'],
  fr: ['fr-FR', 'auto'],
  es: ['es-ES', 'always'],
};
const intl = (n: number, lang: Lang, digits: number) =>
  new Intl.NumberFormat(INTL[lang][0], {
    maximumFractionDigits: digits,
    useGrouping: INTL[lang][1],
  }).format(n);
const NNBSP = '\u202f';
const NBSP = '\u00a0';

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

  it('writes French and Spanish as they are set: 1 520 km (narrow no-break spaces), 1.520 km, decimal commas', () => {
    expect(formatNumber(1520, 'fr')).toBe(`1${NNBSP}520`);
    expect(formatKm(1520, 'fr')).toBe(`1${NNBSP}520${NBSP}km`);
    expect(formatKm(1520, 'es')).toBe(`1.520${NBSP}km`);
    expect(formatKm(1520, 'en')).toBe('1,520 km');
    expect(formatKm(1520, 'zh')).toBe('1520 公里');
    expect(formatNumber(1234567.891, 'fr')).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatNumber(1234567.891, 'es')).toBe('1.234.567,89');
    expect(formatNumber(3.4, 'fr', 1)).toBe('3,4');
    expect(formatNumber(-0.25, 'es')).toBe('-0,25');
    expect(formatArea(2400, 'fr')).toBe(`2${NNBSP}400${NBSP}km²`);
    expect(formatArea(2400, 'es')).toBe(`2.400${NBSP}km²`);
    expect(formatNumber(999, 'fr')).toBe('999');
  });

  it('counts chapters and joins lists as each language does', () => {
    expect(LANGS.map((l) => STRINGS[l].chapterOf(2, 9))).toEqual([
      'Chapter 2 of 9',
      '第 2 章，共 9 章',
      'Chapitre 2 sur 9',
      'Capítulo 2 de 9',
    ]);
    expect(LANGS.map((l) => ['2010', '2020'].join(STRINGS[l].listSeparator))).toEqual([
      '2010; 2020',
      '2010；2020',
      `2010${NNBSP}; 2020`,
      '2010; 2020',
    ]);
    expect(LANGS.map((l) => `${STRINGS[l].figureSource}${STRINGS[l].colon}Atlas`)).toEqual([
      'Source: Atlas',
      '来源：Atlas',
      `Source${NNBSP}: Atlas`,
      'Fuente: Atlas',
    ]);
  });

  it('agrees with Intl.NumberFormat over many numbers, every language, 0 to 3 decimals', () => {
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
      for (const lang of LANGS)
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
    const fr = growthRatio(series([100.2, 339.1]), 'fr');
    expect(fr).toBe('3,4');
    expect(STRINGS.fr.seriesAlt('PIB', `2010${NNBSP}: 100,2`, fr)).toBe(
      `PIB${NNBSP}: 2010${NNBSP}: 100,2. La dernière valeur vaut 3,4 fois la première.`,
    );
    expect(STRINGS.es.timesRatio(growthRatio(series([100.2, 339.1]), 'es')!)).toBe('× 3,4');
  });

  it('says nothing of growth when the first value is not above zero', () => {
    const ratio = growthRatio(series([0, 12]), 'en');
    expect(ratio).toBeNull();
    expect(STRINGS.en.seriesAlt('Ships', 'A: 0; B: 12', ratio)).toBe('Ships: A: 0; B: 12.');
    expect(STRINGS.zh.seriesAlt('船', 'A：0', ratio)).toBe('船：A：0。');
  });
});
