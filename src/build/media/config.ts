// The one table of what the build makes of a story's pictures: which files an author may list,
// the widths each layout shows a picture at (and so which sizes are made), the formats, the
// budgets and the placeholder. The checks (src/build/story/media.ts), the pipeline (image.ts,
// svg.ts, video.ts) and the story format's reference (docs.ts) all read it from here.
import type { MediaKind } from '../../lib/story/types.ts';

/** What each kind of file listed under `media:` is, by its file name's ending. */
export const FILE_KINDS = {
  '.jpg': { kind: 'photo', format: 'jpeg' },
  '.jpeg': { kind: 'photo', format: 'jpeg' },
  '.png': { kind: 'photo', format: 'png' },
  '.webp': { kind: 'photo', format: 'webp' },
  '.avif': { kind: 'photo', format: 'avif' },
  '.svg': { kind: 'illustration', format: 'svg' },
  '.mp4': { kind: 'video', format: 'mp4' },
  '.webm': { kind: 'video', format: 'webm' },
} as const satisfies Record<string, { kind: MediaKind; format: string }>;
export type FileEnding = keyof typeof FILE_KINDS;
export type SourceFormat = (typeof FILE_KINDS)[FileEnding]['format'];

/** The formats as an author reads them, for messages. */
export const KNOWN_FORMATS =
  'JPEG, PNG, WebP or AVIF for a photograph, SVG for an illustration, MP4 or WebM for a video';

/** The ending of a file name (lower case, with its dot), or '' when it has none. */
export function fileEnding(file: string): string {
  const m = /\.[^./]+$/.exec(file);
  return m ? m[0].toLowerCase() : '';
}

export function fileKind(file: string): (typeof FILE_KINDS)[FileEnding] | undefined {
  return FILE_KINDS[fileEnding(file) as FileEnding];
}

/** A poster (a video's still) is a raster picture. */
export const POSTER_ENDINGS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.avif'];
export const CAPTIONS_ENDING = '.vtt';

/**
 * The widths (CSS px) each layout shows a picture at. Every size the build makes comes from this
 * table: each width at 1× and 2× (a phone's or a 4K screen's pixels), where the picture is wide
 * enough for it.
 */
export const LAYOUTS = [
  { layout: 'phone card', width: 360 },
  { layout: 'desktop card', width: 420 },
  { layout: 'slide', width: 900 },
  { layout: 'portrait kiosk', width: 1000 },
] as const;
export const DENSITIES = [1, 2] as const;
/** A width less than this fraction below the next wider one is left out: the wider file serves it. */
export const MERGE_WITHIN = 0.08;

/** The widths made, narrowest first: the table's widths × densities, near neighbours merged. */
export function layoutWidths(): number[] {
  const all = [...new Set(LAYOUTS.flatMap((l) => DENSITIES.map((d) => l.width * d)))].sort((a, b) => b - a);
  const kept: number[] = [];
  for (const w of all) if (!kept.length || w < kept.at(-1)! * (1 - MERGE_WITHIN)) kept.push(w);
  return kept.reverse();
}

/** A picture narrower than this is refused: the widest layout shows it this wide at 1×. */
export const MIN_WIDTH = Math.max(...LAYOUTS.map((l) => l.width));
export const WIDEST_LAYOUT = LAYOUTS.find((l) => l.width === MIN_WIDTH)!.layout;

/**
 * The widths made for a picture `width` px wide: the table's widths it reaches, and its own width
 * when it lies between two of them (a 2× screen then gets all the picture has).
 */
export function widthsFor(width: number): number[] {
  const table = layoutWidths();
  const fit = table.filter((w) => w <= width);
  const next = table.find((w) => w > width);
  if (next !== undefined && width > (fit.at(-1) ?? 0) * (1 + MERGE_WITHIN)) fit.push(width);
  return fit;
}

/** The encoders' settings (sharp). Changing any of them makes new files (the cache key holds them). */
export const ENCODERS = {
  // AVIF's effort 2: about four times faster than 4 here, for files ~10–30 % larger.
  avif: { quality: 50, effort: 2 },
  webp: { quality: 76, effort: 4 },
  jpeg: { quality: 78, mozjpeg: true, progressive: true },
  png: { compressionLevel: 9, effort: 7, palette: false },
} as const;

/** The placeholder: a preview this many pixels wide, inlined as a data: URL (img-src data: in the CSP). */
export const PLACEHOLDER = { width: 16, webp: { quality: 40, effort: 6 } } as const;

const KB = 1024;
const MB = 1024 * KB;

/**
 * What a story may hold, per file. Photographs are made smaller by the build, so their budget is
 * what the build makes: the widest WebP a reader may download. SVGs, videos and captions are served
 * as they are, so theirs is the file itself. The source limits keep a build's memory and time sane.
 */
export const BUDGETS = {
  /** a photograph's (or poster's) widest WebP */
  builtWebp: 500 * KB,
  /** a photograph as the author gives it */
  sourceBytes: 25 * MB,
  sourcePixels: 50_000_000,
  svg: 200 * KB,
  video: 8 * MB,
  captions: 100 * KB,
} as const;

export function formatBytes(n: number): string {
  return n >= MB ? `${(n / MB).toFixed(1)} MB` : `${Math.round(n / KB)} KB`;
}

/** Where built media go in the site (under its base path). */
export const MEDIA_DIR = 'media';

/** Bump when the pipeline changes what it makes, so that cached results are made again. */
export const PIPELINE = 'story-media 1';
