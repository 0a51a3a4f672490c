// What a story asks of the basemap pipeline: its folder's `basemap.yaml` (optional). Fields:
//   name:        archive name written into the metadata (default "Story map basemap")
//   center:      [lon, lat, zoom] written into the header (default: the middle of the world, zoom 0)
//   corrections: corrections files, relative to the story folder (geo/lib/corrections.mjs)
//   river_areas: rivers drawn as water areas of a stated width within a box, from a zoom on
//                (geo/lib/layers/water.mjs)
// The pipeline names no place of any story: everything story-specific comes from here. It writes
// the embedded archive, EMBEDDED_ARCHIVE (src/lib/basemap-archive.js): the one place the site
// serves its archive from; a story with an archive of its own names it in story.yaml instead.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseCorrection } from './corrections.mjs';
import { EMBEDDED_ARCHIVE } from '../../src/lib/basemap-archive.js';

export const STORY_BASEMAP_FILE = 'basemap.yaml';

/**
 * A river drawn as a water area: the named line (`name:en`) inside `within`, widened to `width_m`.
 * @typedef {{ river: string, width_m: number, within: [number, number, number, number], min_zoom: number }} RiverArea
 */

/**
 * @typedef {{ name: string, center?: [number, number, number],
 *   corrections: import('./corrections.mjs').Correction[], riverAreas: RiverArea[] }} StoryBasemap
 */

/** Water areas are drawn from this zoom unless a river area says otherwise. */
export const RIVER_AREA_MIN_ZOOM = 10;

/**
 * Reads and checks `<storyDir>/basemap.yaml` and the corrections files it names.
 * @param {string} storyDir
 * @param {string} root project root (file names in messages are relative to it)
 * @returns {StoryBasemap}
 */
export function readStoryBasemap(storyDir, root) {
  const path = join(storyDir, STORY_BASEMAP_FILE);
  const rel = (p) => relative(root, p).split('\\').join('/');
  /** @type {StoryBasemap} */
  const settings = { name: 'Story map basemap', corrections: [], riverAreas: [] };
  if (!existsSync(path)) return settings;
  const fail = (field, msg) => {
    throw new Error(`${rel(path)}: ${field}: ${msg}`);
  };
  const d = parse(readFileSync(path, 'utf8')) ?? {};
  if (typeof d !== 'object' || Array.isArray(d)) fail('(top level)', 'expected a mapping');
  if (d.archive !== undefined)
    fail(
      'archive',
      `no longer read: the pipeline writes the embedded archive (${EMBEDDED_ARCHIVE}, the file the site serves); ` +
        'a story with an archive of its own names it in story.yaml (basemap: { archive, kind })',
    );
  for (const k of Object.keys(d))
    if (!['name', 'center', 'corrections', 'river_areas'].includes(k))
      fail(k, 'unknown field (known: name, center, corrections, river_areas)');
  if (d.name !== undefined) {
    if (typeof d.name !== 'string' || !d.name) fail('name', 'expected a text');
    settings.name = d.name;
  }
  if (d.center !== undefined) {
    const c = d.center;
    if (!Array.isArray(c) || c.length !== 3 || !c.every((n) => typeof n === 'number'))
      fail('center', 'expected [lon, lat, zoom]');
    settings.center = c;
  }
  if (d.river_areas !== undefined) {
    if (!Array.isArray(d.river_areas)) fail('river_areas', 'expected a list of { river, width_m, within }');
    settings.riverAreas = d.river_areas.map((a, i) => {
      const at = `river_areas[${i}]`;
      if (!a || typeof a !== 'object' || Array.isArray(a)) fail(at, 'expected { river, width_m, within }');
      for (const k of Object.keys(a))
        if (!['river', 'width_m', 'within', 'min_zoom'].includes(k))
          fail(`${at}.${k}`, 'unknown field (known: river, width_m, within, min_zoom)');
      if (typeof a.river !== 'string' || !a.river) fail(`${at}.river`, 'expected the river’s English name');
      if (typeof a.width_m !== 'number' || !(a.width_m >= 10 && a.width_m <= 20000))
        fail(`${at}.width_m`, 'expected a width in metres, from 10 to 20000');
      const b = a.within;
      if (
        !Array.isArray(b) ||
        b.length !== 4 ||
        !b.every((n) => typeof n === 'number') ||
        !(b[0] < b[2] && b[1] < b[3])
      )
        fail(`${at}.within`, 'expected [west, south, east, north] in degrees');
      const minZoom = a.min_zoom ?? RIVER_AREA_MIN_ZOOM;
      if (!Number.isInteger(minZoom) || minZoom < 0 || minZoom > 24)
        fail(`${at}.min_zoom`, 'expected a whole zoom from 0 to 24');
      return { river: a.river, width_m: a.width_m, within: b, min_zoom: minZoom };
    });
  }
  if (d.corrections !== undefined) {
    if (!Array.isArray(d.corrections) || !d.corrections.every((f) => typeof f === 'string'))
      fail('corrections', 'expected a list of file names (relative to the story folder)');
    settings.corrections = d.corrections.map((f, i) => {
      const p = join(storyDir, f);
      if (!existsSync(p)) fail(`corrections[${i}]`, `${rel(p)} does not exist`);
      let data;
      try {
        data = JSON.parse(readFileSync(p, 'utf8'));
      } catch (e) {
        throw new Error(`${rel(p)}: not valid JSON (${e instanceof Error ? e.message : e})`, { cause: e });
      }
      return parseCorrection(data, rel(p));
    });
  }
  return settings;
}

/** Metadata entries the story's corrections add to the archive, in file order. */
export function correctionsMetadata(corrections) {
  return Object.assign({}, ...corrections.map((c) => c.metadata ?? {}));
}

/** The archive's metadata entry for the story's river areas (none: no entry). */
export function riverAreasMetadata(riverAreas) {
  if (!riverAreas.length) return {};
  return {
    river_areas:
      riverAreas
        .map((a) => `${a.river} ${a.width_m} m within ${a.within.join(',')} from zoom ${a.min_zoom}`)
        .join('; ') +
      ': schematic water areas of a typical width around the river lines, not surveyed banks (geo/SOURCES.md)',
  };
}
