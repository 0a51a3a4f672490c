// The fonts the map and the page use: Noto parts (SIL Open Font License 1.1) cut at build time for
// the current story's characters, a part per script, and served from this origin (/fonts/). The
// parts are static/fonts/fonts.json's (or those cut for this build); `virtual:fonts`
// (src/build/fonts) gives the map's, and the page's @font-face rules come from the same list
// (`virtual:fonts.css`).
import MAP_FACES from 'virtual:fonts';

/** A part the map draws labels with. */
export interface MapFontFace {
  /** path under the site root */
  url: string;
  /** its unicode-range: the map downloads a part only for characters in its range */
  range: string;
}

/**
 * The map's parts: the regular weight's, in the order MapLibre reads them (for each character, the
 * first part whose range covers it).
 */
export const MAP_FONT_FACES: readonly MapFontFace[] = MAP_FACES;

/** The map's text-font stack name (style `font-faces` key). */
export const MAP_FONT_NAME = 'Noto Sans SC Regular';
