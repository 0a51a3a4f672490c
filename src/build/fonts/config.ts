// What the font subsets are cut from and how they are split. Build time only: the browser reads the
// result through `virtual:fonts` (the list of files in static/fonts/fonts.json, without coverage).

/** Where Debian's fonts-noto-cjk puts its collections; NOTO_CJK_DIR overrides it (other systems). */
export const DEBIAN_NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';
export const SOURCE_PACKAGE = 'fonts-noto-cjk';

export type Weight = 'Regular' | 'Bold';
export interface FontSource {
  weight: Weight;
  /** CSS font-weight of the cut files */
  cssWeight: 400 | 700;
  /** file name inside the source directory */
  file: string;
  /** family (name ID 1) of the face inside the collection */
  face: string;
}
export const FONT_SOURCES: readonly FontSource[] = [
  { weight: 'Regular', cssWeight: 400, file: 'NotoSansCJK-Regular.ttc', face: 'Noto Sans CJK SC' },
  { weight: 'Bold', cssWeight: 700, file: 'NotoSansCJK-Bold.ttc', face: 'Noto Sans CJK SC' },
];
export const SOURCE_LICENCE = 'SIL Open Font License 1.1';

/** CSS family name of the cut fonts; deliberately not 'Noto Sans SC' so no installed font can stand in. */
export const FAMILY = 'Story Noto Sans SC';

export type Group = 'latin' | 'cjk' | 'ui';
export const CJK_START = 0x2e80;

/**
 * Each weight is cut into three files, told apart by the page's `unicode-range`, so that a page
 * downloads only the parts whose characters it shows: Latin and general punctuation; Chinese
 * characters and CJK punctuation; and the few Chinese characters of the English page itself
 * (its language switch), declared last so that the browser takes them from this small file and an
 * English reader never downloads the Chinese part. The `ui` part's range is its characters.
 */
export const GROUPS: readonly { group: Group; range?: string; features?: string[] }[] = [
  // pwid: Noto Sans CJK SC draws ‘ ’ “ ” and … full-width, as Chinese sets them; the page asks for
  // the proportional forms in English text (`font-variant-east-asian: proportional-width`).
  { group: 'latin', range: 'U+0-2E7F', features: ['pwid'] },
  { group: 'cjk', range: 'U+2E80-10FFFF' },
  { group: 'ui' },
];
export const inGroup = (group: Group, cp: number): boolean =>
  group === 'latin' ? cp < CJK_START : cp >= CJK_START;

/** OpenType features kept in every part (the rest are dropped). */
export const FEATURES = ['kern', 'liga', 'locl', 'vert', 'vrt2', 'palt', 'halt', 'ccmp'];
/** name IDs kept: the defaults (0–6) and the licence and its URL (13, 14), as the OFL asks. */
export const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

export const fontFileName = (weight: Weight, group: Group): string =>
  `NotoSansSC-${weight}-${group}.subset.woff2`;
export const MANIFEST = 'fonts.json';
/** Where the parts are served on a site under `base` ('/', '/grand-canal/': src/build/site/base.ts). */
export const fontsPath = (base: string): string => `${base}fonts/`;

/** Basic Latin, Latin-1, general and CJK punctuation, full-width forms: always included. */
export const BASE_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x0100, 0x017f], // Latin Extended-A, as far as the font has it (pinyin: ā ē ī ō ū)
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x20ac, 0x20ac],
  [0x3000, 0x303f],
  [0xff01, 0xff5e],
];

/**
 * Text outside the story that the page and the map show, relative to the repository root: the
 * interface (every component and module of the app, comments included — a character there costs
 * a few bytes) and the embedded basemap's label sources (city list and names). The author's view
 * (src/lib/author, dev server only) is no part of a built page: its text costs readers nothing.
 */
export const APP_TEXT: readonly { dir: string; ext: readonly string[]; skip?: readonly string[] }[] = [
  { dir: 'src', ext: ['.ts', '.svelte', '.css'], skip: ['src/stories', 'src/build', 'src/lib/author'] },
  { dir: 'geo/data', ext: ['.tsv'] },
  { dir: 'geo/lib', ext: ['.mjs'] },
];

/** Total size allowed for every part together. */
export const BUDGET_BYTES = 1.5 * 1024 * 1024;
