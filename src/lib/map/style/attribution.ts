// The basemap's attribution, in a module of its own so that the story's credits can name the
// data sources without pulling the style into the first chunk. In the reader's language: the names
// of the data sets and their licences stay as published; what they hold and what was done to them
// is said in the reader's language (the language files' `embeddedCredits`, `protomapsCredits`).
// What a story changed on its own map (story.yaml `basemap.notes`) is the story's to say, and is
// added after the data sets' credits.
import { STRINGS } from '../../i18n/strings.ts';
import type { BasemapKind, Lang, Localized } from '../../story/types';

/** The basemap: our embedded archive, or an OSM-based Protomaps extract (the story's `basemapKind`). */
export type Flavor = BasemapKind;

const GSHHG = '<a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a>';
const DCW = '<a href="https://www.soest.hawaii.edu/pwessel/dcw/">DCW</a>';
const NE = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

/** The credit line of each basemap, in `lang` (its words are in the language files, src/lib/i18n). */
const CREDITS: Record<Flavor, (lang: Lang) => string> = {
  embedded: (lang) => STRINGS[lang].embeddedCredits(GSHHG, DCW, NE),
  protomaps: (lang) => STRINGS[lang].protomapsCredits(NE),
};

/** Attribution HTML for the embedded archive, in English. */
export const BASEMAP_ATTRIBUTION: string = CREDITS.embedded('en');

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A story's own notes on its map, as attribution HTML (escaped: the story's text is not markup). */
export function storyMapNotes(notes: Localized | undefined, lang: Lang): string {
  return notes?.[lang] ? escapeHtml(notes[lang]) : '';
}

/** Attribution HTML for either flavor, in `lang`, followed by the story's own notes if any. */
export function basemapAttribution(
  flavor: Flavor = 'embedded',
  lang: Lang = 'en',
  notes?: Localized,
): string {
  const credits = CREDITS[flavor](lang);
  const own = storyMapNotes(notes, lang);
  return own ? `${credits} · ${own}` : credits;
}
