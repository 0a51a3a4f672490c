// The fonts the map and the page use: Noto Sans SC parts (SIL Open Font License 1.1) cut at build
// time for the current story's characters and served from this origin (/fonts/). The list of parts
// is static/fonts/fonts.json (or the parts cut for this build), given by `virtual:fonts`
// (src/build/fonts); the page's @font-face rules come from the same list (`virtual:fonts.css`).
import FONT_LIST from 'virtual:fonts';

export interface FontFile {
  /** CSS family name the file is registered under (page CSS) */
  family: string;
  weight: 400 | 700;
  /** path under the site root */
  url: string;
  /** which part: Latin; Chinese; the Chinese characters of the English page */
  group: 'latin' | 'cjk' | 'ui';
  /** CSS `unicode-range`: the browser downloads a file only for characters in its range */
  range: string;
}

/** Every part, in the order of the page's @font-face rules (per weight: latin, cjk, ui). */
export const FONT_FILES: readonly FontFile[] = FONT_LIST;

/** CSS family name of the parts; deliberately not 'Noto Sans SC' so no installed font can stand in. */
export const UI_FONT_NAME: string = FONT_LIST[0]!.family;

/** font-family value for the page's text: our parts first, then generic fallbacks. */
export const UI_FONT_FAMILY = `'${UI_FONT_NAME}', sans-serif`;

/** The map's text-font stack name (style `font-faces` key). */
export const MAP_FONT_NAME = 'Noto Sans SC Regular';
