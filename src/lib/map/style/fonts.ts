// The fonts the map and the page use. All are subsets of Noto Sans SC (SIL Open Font License 1.1)
// built by `npm run fonts` (geo/lib/fonts.mjs) and served from this origin (static/fonts/).

export interface FontFile {
  /** CSS family name the file is registered under (page CSS) */
  family: string;
  weight: 400 | 700;
  /** path under the site root */
  url: string;
}

/** CSS family name of the subset; deliberately not 'Noto Sans SC' so no installed font can stand in. */
export const UI_FONT_NAME = 'Liangjiang Noto Sans SC';

/** font-family value for the page's text: our subset first, then generic fallbacks. */
export const UI_FONT_FAMILY = `'${UI_FONT_NAME}', sans-serif`;

export const FONT_FILES: FontFile[] = [
  { family: UI_FONT_NAME, weight: 400, url: '/fonts/NotoSansSC-Regular.subset.woff2' },
  { family: UI_FONT_NAME, weight: 700, url: '/fonts/NotoSansSC-Bold.subset.woff2' },
];

/** The map's text-font stack name (style `font-faces` key). */
export const MAP_FONT_NAME = 'Noto Sans SC Regular';

/** @font-face rules for the page, e.g. injected into a <style> or copied into app.css. */
export function fontFaceCss(base = ''): string {
  return FONT_FILES.map(
    (f) =>
      `@font-face { font-family: '${f.family}'; font-style: normal; font-weight: ${f.weight}; font-display: swap; src: url('${base}${f.url}') format('woff2'); }`,
  ).join('\n');
}
