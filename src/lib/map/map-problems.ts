// What went wrong with the map, in the reader's terms. Pure, so that it is tested without a map.
// MapLibre reports every failure through one 'error' event; the story needs to know whether the
// basemap (the PMTiles archive) is missing or broken, so it can say so once and go on.

export type MapProblem = 'basemap' | 'font' | 'other';

export interface MapErrorLike {
  /** The source the error belongs to, when MapLibre knows it. */
  sourceId?: string | undefined;
  /** The tile that failed, for tile errors. */
  tile?: unknown;
  error?: { message?: string; status?: number } | undefined;
}

/** Messages the pmtiles reader and MapLibre's loaders give for a missing or unreadable archive. */
const ARCHIVE_MESSAGE =
  /pmtiles|byte serving|bad response code|wrong magic number|invalid (?:header|archive|spec version)|content-length|AJAXError/i;

export function classifyMapError(e: MapErrorLike, basemapSourceId: string): MapProblem {
  if (e.sourceId === basemapSourceId) return 'basemap';
  const message = e.error?.message ?? '';
  if (e.sourceId === undefined && ARCHIVE_MESSAGE.test(message)) return 'basemap';
  return 'other';
}

/**
 * Families among `faces` that failed to load (status 'error'), e.g. a font file that is missing
 * or corrupt. `faces` is `document.fonts` in the browser.
 */
export function failedFontFamilies(faces: Iterable<{ family: string; status: string }>): string[] {
  const out = new Set<string>();
  for (const f of faces) if (f.status === 'error') out.add(f.family.replace(/^["']|["']$/g, ''));
  return [...out].sort();
}
