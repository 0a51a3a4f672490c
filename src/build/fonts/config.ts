// What the font parts are cut from and how they are split. Build time only: the browser reads the
// result through `virtual:fonts` (the list of files in static/fonts/fonts.json, without coverage).
//
// Each script comes from the Noto font made for it: Latin, Greek and Cyrillic from Noto Sans, the
// arrows and signs it lacks from Noto Sans Math, then Noto Sans Symbols (all three in Debian's
// fonts-noto-core), Chinese from Noto Sans CJK SC (fonts-noto-cjk). A story with no Chinese needs
// no CJK source, and its pages no CJK part.

export type Weight = 'Regular' | 'Bold';
export const WEIGHTS: readonly { weight: Weight; cssWeight: 400 | 700 }[] = [
  { weight: 'Regular', cssWeight: 400 },
  { weight: 'Bold', cssWeight: 700 },
];

export type SourceId = 'sans' | 'symbols' | 'math' | 'cjk';
export interface FontSource {
  id: SourceId;
  /** The Debian package that installs the files, and where (`dirEnv` names another folder). */
  package: 'fonts-noto-core' | 'fonts-noto-cjk';
  defaultDir: string;
  dirEnv: 'NOTO_DIR' | 'NOTO_CJK_DIR';
  /**
   * The file of each weight. A source with no bold file (Noto Sans Math) gives one part, which the
   * page declares for each weight.
   */
  files: Record<Weight, string>;
  /** Family name (name ID 1) of the face; in a collection (.ttc), the face to take. */
  face: string;
  /** How its parts' files are named. */
  stem: string;
}

const CORE = {
  package: 'fonts-noto-core',
  defaultDir: '/usr/share/fonts/truetype/noto',
  dirEnv: 'NOTO_DIR',
} as const;
export const FONT_SOURCES: readonly FontSource[] = [
  {
    id: 'sans',
    ...CORE,
    files: { Regular: 'NotoSans-Regular.ttf', Bold: 'NotoSans-Bold.ttf' },
    face: 'Noto Sans',
    stem: 'NotoSans',
  },
  {
    id: 'math',
    ...CORE,
    files: { Regular: 'NotoSansMath-Regular.ttf', Bold: 'NotoSansMath-Regular.ttf' },
    face: 'Noto Sans Math',
    stem: 'NotoSansMath',
  },
  {
    id: 'symbols',
    ...CORE,
    files: { Regular: 'NotoSansSymbols-Regular.ttf', Bold: 'NotoSansSymbols-Bold.ttf' },
    face: 'Noto Sans Symbols',
    stem: 'NotoSansSymbols',
  },
  {
    id: 'cjk',
    package: 'fonts-noto-cjk',
    defaultDir: '/usr/share/fonts/opentype/noto',
    dirEnv: 'NOTO_CJK_DIR',
    files: { Regular: 'NotoSansCJK-Regular.ttc', Bold: 'NotoSansCJK-Bold.ttc' },
    face: 'Noto Sans CJK SC',
    stem: 'NotoSansSC',
  },
];
export const SOURCE_LICENCE = 'SIL Open Font License 1.1';

/**
 * CSS family names of the cut fonts; deliberately not 'Noto Sans' so that no installed font can
 * stand in. Two families, so that a page's language decides which comes first: Chinese text takes
 * its punctuation (“ ” … —) from the CJK font, full-width as Chinese sets it; any other text takes
 * it from Noto Sans.
 */
export const FAMILY = 'Story Noto Sans';
export const FAMILY_CJK = 'Story Noto Sans CJK';

export type Group = 'latin' | 'greek' | 'cyrillic' | 'symbols' | 'math' | 'cjk' | 'ui';
export interface GroupSpec {
  group: Group;
  source: SourceId;
  family: string;
  /** The CSS unicode-range; an exact list of the part's characters where absent. */
  range?: string;
  /** The map's unicode-range, where it differs (the map has one stack for every language). */
  mapRange?: string;
}
export const CJK_START = 0x2e80;
const CJK_RANGE = 'U+2E80-10FFFF';

/**
 * The parts of each weight, in CSS order: where two parts of a family cover a character, the one
 * declared later is used, so the specific parts follow the broad ones, and `ui` comes last — the
 * few Chinese characters a page in another language shows (its language switch: 中文), taken from
 * this small part so that its reader never downloads the Chinese one.
 */
export const GROUPS: readonly GroupSpec[] = [
  { group: 'latin', source: 'sans', family: FAMILY, range: 'U+0-2E7F' },
  { group: 'greek', source: 'sans', family: FAMILY, range: 'U+370-3FF, U+1F00-1FFF' },
  {
    group: 'cyrillic',
    source: 'sans',
    family: FAMILY,
    range: 'U+400-52F, U+1C80-1C8F, U+2DE0-2DFF, U+A640-A69F',
  },
  { group: 'math', source: 'math', family: FAMILY },
  { group: 'symbols', source: 'symbols', family: FAMILY },
  { group: 'cjk', source: 'cjk', family: FAMILY_CJK, range: CJK_RANGE, mapRange: CJK_RANGE },
  { group: 'ui', source: 'cjk', family: FAMILY_CJK },
];

/** Whether a source has one file for both weights: its part is declared for both. */
export const oneWeight = (s: FontSource): boolean => s.files.Regular === s.files.Bold;

/** Which part of Noto Sans a character belongs to, by its Unicode block. */
export function scriptGroup(cp: number): 'latin' | 'greek' | 'cyrillic' {
  if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff)) return 'greek';
  if (
    (cp >= 0x400 && cp <= 0x52f) ||
    (cp >= 0x1c80 && cp <= 0x1c8f) ||
    (cp >= 0x2de0 && cp <= 0x2dff) ||
    (cp >= 0xa640 && cp <= 0xa69f)
  )
    return 'cyrillic';
  return 'latin';
}

/**
 * Punctuation Chinese text shares with Latin text, which Chinese sets full-width: in the Chinese
 * part too (and its range), where the Chinese page's text uses it.
 */
export const CHINESE_PUNCTUATION: readonly number[] = [
  0xb7, 0x2014, 0x2015, 0x2018, 0x2019, 0x201c, 0x201d, 0x2025, 0x2026,
];

/** OpenType features kept in every part (the rest are dropped). */
export const FEATURES = ['kern', 'liga', 'locl', 'mark', 'mkmk', 'vert', 'vrt2', 'palt', 'halt', 'ccmp'];
/** name IDs kept: the defaults (0–6) and the licence and its URL (13, 14), as the OFL asks. */
export const NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14];

export const fontFileName = (source: FontSource, weight: Weight, group: Group): string =>
  `${source.stem}-${weight}-${group}.subset.woff2`;
export const MANIFEST = 'fonts.json';
/** Where the parts are served on a site under `base` ('/', '/grand-canal/': src/build/site/base.ts). */
export const fontsPath = (base: string): string => `${base}fonts/`;

/**
 * Always in a part that is cut anyway (as far as its font has them), so that common punctuation and
 * accents are there whatever the text: Basic Latin and Latin-1 (French and Spanish letters, « » ¿ ¡),
 * Latin Extended-A (pinyin: ā ē ī ō ū), general punctuation with the narrow no-break space French
 * sets before : ; ? !, the euro, the arrows, the minus, CJK punctuation and full-width forms.
 */
export const BASE_RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x0100, 0x017f],
  [0x2010, 0x2027],
  [0x202f, 0x202f],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x3000, 0x303f],
  [0xff01, 0xff5e],
];

/**
 * Text outside the story and the language files that the page shows, relative to the repository
 * root: every component and module of the app (comment lines left out). Its Chinese characters
 * are not read (the interface's Chinese is in src/lib/i18n/zh.ts, read with the story's
 * languages). The author's view (src/lib/author, dev server only) is no part of a built page.
 */
export const APP_TEXT: readonly { dir: string; ext: readonly string[]; skip?: readonly string[] }[] = [
  {
    dir: 'src',
    ext: ['.ts', '.svelte', '.css'],
    skip: ['src/stories', 'src/build', 'src/lib/author', 'src/lib/i18n'],
  },
];

/** Total size allowed for every part together. */
export const BUDGET_BYTES = 1.5 * 1024 * 1024;
