// The author's view (?mode=author, dev server only): what it writes for the author to paste into
// the story folder, and its keys. Pure functions, so that the unit tests can check that a line
// pasted into a chapter file and compiled by the story compiler gives back the same camera.
import type { Camera, Lang, LngLat } from '../story/types';
import { AUTHOR_STRINGS } from './strings';

/** Decimals kept in what the author pastes: ~1 m for a position, 1/100 of a zoom level, 0.1°. */
export const DECIMALS = { lngLat: 5, zoom: 2, angle: 1 } as const;

/** MapLibre's world is 512 px wide at zoom 0; the Earth's equator is this long (m). */
const WORLD_PX = 512;
const EQUATOR_M = 40_075_016.686;

function round(x: number, decimals: number): number {
  const r = Number(x.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

/** Longitude in [-180, 180) (a map panned across the antimeridian reports 190°). */
function wrapLng(lng: number): number {
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/** A camera as the chapter file should hold it: rounded, and within the ranges the schema allows. */
export function roundCamera(c: Camera): Camera {
  const bearing = round(wrapLng(c.bearing), DECIMALS.angle);
  return {
    center: roundLngLat(c.center),
    zoom: round(Math.min(22, Math.max(0, c.zoom)), DECIMALS.zoom),
    pitch: round(Math.min(85, Math.max(0, c.pitch)), DECIMALS.angle),
    // Rounding may give 180, which is the same view as -180 (the schema's lower end).
    bearing: bearing >= 180 ? -180 : bearing,
  };
}

export function roundLngLat([lng, lat]: readonly [number, number]): LngLat {
  return [round(wrapLng(lng), DECIMALS.lngLat), round(Math.min(85, Math.max(-85, lat)), DECIMALS.lngLat)];
}

/**
 * The chapter front matter's `camera:` line, in the flow style the story's chapter files use:
 * `camera: { center: [120.3, 31], zoom: 6, pitch: 10, bearing: -12.5 }`.
 */
export function cameraLine(c: Camera): string {
  const r = roundCamera(c);
  return `camera: { center: [${r.center[0]}, ${r.center[1]}], zoom: ${r.zoom}, pitch: ${r.pitch}, bearing: ${r.bearing} }`;
}

/** How far one screen pixel is on the ground at `zoom` and latitude `lat` (m). */
export function metresPerPixel(zoom: number, lat: number): number {
  return (EQUATOR_M * Math.cos((lat * Math.PI) / 180)) / (WORLD_PX * 2 ** zoom);
}

/** A distance in words with one or two significant figures: "about 600 m", "about 1.2 km". */
function roughDistance(m: number): string {
  if (m < 1000) {
    const step = m < 100 ? 10 : 100;
    return `${Math.max(step, Math.round(m / step) * step)} m`;
  }
  return `${Number((m / 1000).toPrecision(2))} km`;
}

/** A click is good to a few pixels of the screen it was made on. */
const CLICK_PX = 5;

/**
 * An id for a newly picked place that no other place has (`taken`: the story's places and those
 * picked before): `new-place`, then `new-place-2`, `new-place-3`, …, so that two picks pasted into
 * the places file do not clash.
 */
export function freePlaceId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let id = 'new-place';
  for (let n = 2; used.has(id); n++) id = `new-place-${n}`;
  return id;
}

/**
 * One feature of places.geojson for a point picked on the map, written as the story's places
 * file writes them, to go into its `features` list: a name for each of the story's `languages`.
 * The names and the province are placeholders
 * (valid, so that the file still builds) for the author to replace, as is the id (`freePlaceId`);
 * the source and the accuracy say how the point was taken.
 */
export function placeEntry(
  point: readonly [number, number],
  zoom: number,
  id = 'new-place',
  languages: readonly Lang[] = ['en'],
): string {
  const [lng, lat] = roundLngLat(point);
  const accuracy = roughDistance(CLICK_PX * metresPerPixel(zoom, lat));
  const properties = {
    id,
    ...Object.fromEntries(languages.map((l) => [`name_${l}`, AUTHOR_STRINGS[l].newPlace])),
    // ISO 3166's code for "unknown": replace it with the place's own (CN-HB, DE, …).
    province: 'XX',
    source: `Picked on the map in the author's view at zoom ${round(zoom, 1)}`,
    accuracy: `About ${accuracy} (a point picked by eye on the map)`,
  };
  const props = Object.entries(properties)
    .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  return [
    '{',
    '  "type": "Feature",',
    `  "geometry": { "type": "Point", "coordinates": [${lng}, ${lat}] },`,
    '  "properties": {',
    props,
    '  }',
    '}',
  ].join('\n');
}

/**
 * The story folder of a chapter's file (`file` is relative to the project, as the compiled story
 * gives it: `src/stories/x/chapters/02-north.md` → `src/stories/x`).
 */
export function storyFolderOf(chapterFile: string): string {
  const i = chapterFile.lastIndexOf('/chapters/');
  return i >= 0 ? chapterFile.slice(0, i) : '.';
}

export function placesFileOf(chapterFile: string): string {
  return `${storyFolderOf(chapterFile)}/places.geojson`;
}

export type AuthorAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'copyCamera' }
  | { type: 'placeAtCentre' }
  | { type: 'reset' };

/**
 * The author's keys, or null when a key is not theirs. The arrow keys, + and − belong to the map
 * (MapLibre's own keyboard: pan, zoom, and with Shift, rotate and tilt), so chapters change with
 * Page Up / Page Down (and [ ]), Home and End.
 */
export function authorKeyAction(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): AuthorAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'PageDown':
    case ']':
      return { type: 'next' };
    case 'PageUp':
    case '[':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
  }
  switch (e.key.toLowerCase()) {
    case 'c':
      return { type: 'copyCamera' };
    case 'p':
      return { type: 'placeAtCentre' };
    case 'r':
      return { type: 'reset' };
  }
  return null;
}
