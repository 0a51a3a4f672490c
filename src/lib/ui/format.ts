// Numbers as each language writes them: "1,310 km" in English, "1310 公里" in Chinese (Chinese
// groups digits only from five digits on). Pure, so that text, charts and tests agree.
import type { Figure, Lang } from '../story/types';

const LOCALE: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/**
 * `n` rounded to at most `maximumFractionDigits` decimals, with the digits grouped in threes as
 * the language does: from four digits on in English, from five in Chinese. Written out rather than
 * asked of `Intl.NumberFormat`, whose first use in a page loads the locale's data (~20–25 ms of the
 * page's start in Chromium, four times that on a phone); tests/unit/format.test.ts holds it equal
 * to `Intl.NumberFormat` (en-GB, and zh-CN with grouping from two groups).
 */
export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 2): string {
  const factor = 10 ** maximumFractionDigits;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  // Far beyond any figure of a story, where String() writes exponents: the platform's formatter.
  if (!Number.isFinite(rounded) || rounded >= 1e15)
    return new Intl.NumberFormat(LOCALE[lang], {
      maximumFractionDigits,
      useGrouping: lang === 'zh' ? 'min2' : 'auto',
    }).format(n);
  const [whole = '0', fraction] = String(rounded).split('.');
  const grouped = whole.length >= (lang === 'zh' ? 5 : 4) ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A route length, rounded to 10 km (the lines are drawn through waypoints, so no more is meant). */
export function roundKm(km: number): number {
  return km >= 100 ? Math.round(km / 10) * 10 : Math.round(km);
}

export function formatKm(km: number, lang: Lang): string {
  const n = formatNumber(roundKm(km), lang, 0);
  return lang === 'zh' ? `${n} 公里` : `${n} km`;
}

export function formatArea(km2: number, lang: Lang): string {
  const n = formatNumber(km2, lang, 0);
  return lang === 'zh' ? `${n} 平方公里` : `${n} km²`;
}

/** A figure's value as that language shows it: scaled by its factor (100.2 → 1002 for 亿元). */
export function figureNumber(figure: Figure, value: number, lang: Lang): string {
  // Round away binary noise (100.2 × 10 = 1002.0000000000001) before formatting.
  const scaled = Number((value * figure.factor[lang]).toPrecision(12));
  return formatNumber(scaled, lang);
}

/** A figure's value in a sentence: "US$6.07 billion", "60.7 亿美元". */
export function figureText(figure: Figure, value: number, lang: Lang): string {
  return figure.format[lang].replace('{n}', figureNumber(figure, value, lang));
}

/** How many times the last value of a series is the first, to one decimal ("3.4"). */
export function growthRatio(figure: Figure, lang: Lang): string | null {
  if (figure.values.length < 2) return null;
  const first = figure.values[0]!.value;
  const last = figure.values[figure.values.length - 1]!.value;
  if (!(first > 0)) return null;
  return formatNumber(Math.round((last / first) * 10) / 10, lang, 1);
}
