// Numbers as each language writes them: "1,520 km" in English, "1520 公里" in Chinese (which
// groups digits only from five on), "1 520 km" in French (a narrow no-break space between the
// groups, and a no-break space before the unit), "1.520 km" in Spanish. The units' names are in
// the language files (src/lib/i18n). Pure, so that text, charts and tests agree.
import { STRINGS } from '../i18n/strings.ts';
import type { Figure, Lang } from '../story/types';

/**
 * How each language groups and marks a number: [between groups of three digits, the fewest digits
 * a whole number has before it is grouped, the decimal sign]. Written out rather than asked of
 * `Intl.NumberFormat`, whose first use in a page loads the locale's data (~20–25 ms of the page's
 * start in Chromium, four times that on a phone); tests/unit/format.test.ts holds each equal to
 * `Intl.NumberFormat` (en-GB; zh-CN grouping from five digits; fr-FR; es-ES grouping always).
 * Spanish groups four digits too ("1.520"), as its newspapers do (the Spanish Academy, and Intl's
 * default after it, leave four digits ungrouped: "1520").
 */
const NUMBER: Record<Lang, [group: string, groupFrom: number, decimal: string]> = {
  en: [',', 4, '.'],
  zh: [',', 5, '.'],
  fr: ['\u202f', 4, ','],
  es: ['.', 4, ','],
};

/** `n` rounded to at most `maximumFractionDigits` decimals, its digits grouped as `lang` does. */
export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 2): string {
  const [group, groupFrom, decimal] = NUMBER[lang];
  const factor = 10 ** maximumFractionDigits;
  const rounded = Math.round(Math.abs(n) * factor) / factor;
  // Far beyond any figure of a story, where String() writes exponents: the platform's formatter.
  if (!Number.isFinite(rounded) || rounded >= 1e15) return n.toLocaleString(lang, { maximumFractionDigits });
  const [whole = '0', fraction] = String(rounded).split('.');
  const grouped = whole.length >= groupFrom ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  return `${n < 0 || Object.is(n, -0) ? '-' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** A route length, rounded to 10 km (the lines are drawn through waypoints, so no more is meant). */
export function roundKm(km: number): number {
  return km >= 100 ? Math.round(km / 10) * 10 : Math.round(km);
}

export function formatKm(km: number, lang: Lang): string {
  return STRINGS[lang].withUnit(formatNumber(roundKm(km), lang, 0), STRINGS[lang].km);
}

export function formatArea(km2: number, lang: Lang): string {
  return STRINGS[lang].withUnit(formatNumber(km2, lang, 0), STRINGS[lang].km2);
}

/** A figure's value as that language shows it: scaled by its factor (100.2 billion → 1002 for 亿). */
export function figureNumber(figure: Figure, value: number, lang: Lang): string {
  // Round away binary noise (100.2 × 10 = 1002.0000000000001) before formatting.
  const scaled = Number((value * (figure.factor[lang] ?? 1)).toPrecision(12));
  return formatNumber(scaled, lang);
}

/** A figure's value in a sentence: "US$6.07 billion", "60.7 亿美元". */
export function figureText(figure: Figure, value: number, lang: Lang): string {
  return (figure.format[lang] ?? '{n}').replace('{n}', figureNumber(figure, value, lang));
}

/** How many times the last value of a series is the first, to one decimal ("3.4", "3,4"). */
export function growthRatio(figure: Figure, lang: Lang): string | null {
  if (figure.values.length < 2) return null;
  const first = figure.values[0]!.value;
  const last = figure.values[figure.values.length - 1]!.value;
  if (!(first > 0)) return null;
  return formatNumber(Math.round((last / first) * 10) / 10, lang, 1);
}
