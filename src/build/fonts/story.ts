// The one place the font build reads the app: the story (through the story loader, so the fonts
// see the compiled story as the page does), the interface strings of each language, and the
// embedded basemap's labels (its city list and the names of provinces and countries, geo/). When
// these modules move, only the lines below change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES, PROVINCES } from '../../../geo/lib/names.mjs';
import type { Lang } from '../../lib/story/types.ts';

export { loadStory } from '../story/load.ts';
export { STRINGS } from '../../lib/i18n/strings.ts';

/** The label languages of the embedded basemap. */
export type LabelLang = 'en' | 'zh';

/**
 * The basemap labels a page in `lang` shows: Chinese names on the Chinese page, English names on
 * every other (as the style's `languageField` picks them, src/lib/map/style).
 */
export const labelLanguage = (lang: Lang): LabelLang => (lang === 'zh' ? 'zh' : 'en');

/** The embedded basemap's labels in each of its languages. */
export function basemapLabels(root: string): Record<LabelLang, string[]> {
  const cities = readFileSync(join(root, 'geo/data/cities.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));
  const named = [...PROVINCES, ...Object.values(COUNTRIES)];
  return {
    en: [...cities.map((c) => c[0]!), ...named.map((n) => n.en)],
    zh: [...cities.map((c) => c[1]!), ...named.map((n) => n.zh)],
  };
}
