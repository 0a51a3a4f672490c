// The basemap's attribution, in a module of its own so that the story's credits can name the
// data sources without pulling the style into the first chunk. In both languages: the names of the
// data sets and their licences stay as published; what they hold and what was done to them is
// said in the reader's language. What a story changed on its own map (story.yaml `basemap.notes`)
// is the story's to say, and is added after the data sets' credits.
import type { BasemapKind, Lang, Localized } from '../../story/types';

/** The basemap: our embedded archive, or an OSM-based Protomaps extract (the story's `basemapKind`). */
export type Flavor = BasemapKind;

const GSHHG = '<a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG</a>';
const DCW = '<a href="https://www.soest.hawaii.edu/pwessel/dcw/">DCW</a>';
const NE = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>';

const EMBEDDED: Record<Lang, string> = {
  en:
    `${GSHHG} shorelines &amp; rivers (LGPL) · ${DCW} provinces (LGPL) · ` +
    `${NE} countries (public domain) · ` +
    'borders de facto, disputed ones dashed',
  zh:
    `${GSHHG} 海岸线与河流（LGPL）· ${DCW} 省级界线（LGPL）· ${NE} 国界（公有领域）· ` +
    '边界按实际控制线绘制，争议边界为虚线',
};

const PROTOMAPS: Record<Lang, string> = {
  en:
    '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap contributors</a> (ODbL) · ' +
    `<a href="https://protomaps.com">Protomaps</a> · ${NE} (public domain)`,
  zh:
    '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap 贡献者</a>（ODbL）· ' +
    `<a href="https://protomaps.com">Protomaps</a> · ${NE}（公有领域）`,
};

/** Attribution HTML for the embedded archive, in English. */
export const BASEMAP_ATTRIBUTION: string = EMBEDDED.en;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A story's own notes on its map, as attribution HTML (escaped: the story's text is not markup). */
export function storyMapNotes(notes: Localized | undefined, lang: Lang): string {
  return notes ? escapeHtml(notes[lang]) : '';
}

/** Attribution HTML for either flavor, in either language, followed by the story's own notes if any. */
export function basemapAttribution(
  flavor: Flavor = 'embedded',
  lang: Lang = 'en',
  notes?: Localized,
): string {
  const credits = (flavor === 'protomaps' ? PROTOMAPS : EMBEDDED)[lang];
  const own = storyMapNotes(notes, lang);
  return own ? `${credits} · ${own}` : credits;
}
