// The fonts the map and the page use. All are subsets of Noto Sans SC (SIL Open Font License 1.1)
// built by `npm run fonts` (geo/lib/fonts.mjs) and served from this origin (static/fonts/).

export interface FontFile {
  /** CSS family name the file is registered under (page CSS) */
  family: string;
  weight: 400 | 700;
  /** path under the site root */
  url: string;
  /** which part of the subset (geo/lib/fonts.mjs FONT_GROUPS) */
  group: 'latin' | 'cjk' | 'ui';
  /** CSS `unicode-range`: the browser downloads a file only for characters in its range */
  range: string;
}

/** CSS family name of the subset; deliberately not 'Noto Sans SC' so no installed font can stand in. */
export const UI_FONT_NAME = 'Liangjiang Noto Sans SC';

/** font-family value for the page's text: our subset first, then generic fallbacks. */
export const UI_FONT_FAMILY = `'${UI_FONT_NAME}', sans-serif`;

// Each weight in three parts (see geo/lib/fonts.mjs): Latin; Chinese; and the few Chinese
// characters of the English page's interface, declared last so that they win where ranges overlap
// and the English page never downloads the Chinese part for its language switch.
const GROUPS = [
  { group: 'latin', range: 'U+0-2E7F' },
  { group: 'cjk', range: 'U+2E80-FFFF' },
  { group: 'ui', range: 'U+4E2D, U+6587, U+5207, U+6362, U+5230' },
] as const;
export const FONT_FILES: FontFile[] = (
  [
    [400, 'Regular'],
    [700, 'Bold'],
  ] as const
).flatMap(([weight, name]) =>
  GROUPS.map((g) => ({
    family: UI_FONT_NAME,
    weight,
    url: `/fonts/NotoSansSC-${name}-${g.group}.subset.woff2`,
    group: g.group,
    range: g.range,
  })),
);

/** The map's text-font stack name (style `font-faces` key). */
export const MAP_FONT_NAME = 'Noto Sans SC Regular';

/** @font-face rules for the page, e.g. injected into a <style> or copied into app.css. */
export function fontFaceCss(base = ''): string {
  return FONT_FILES.map(
    (f) =>
      `@font-face { font-family: '${f.family}'; font-style: normal; font-weight: ${f.weight}; font-display: swap; src: url('${base}${f.url}') format('woff2'); unicode-range: ${f.range}; }`,
  ).join('\n');
}
