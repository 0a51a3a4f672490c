// What a story asks of the basemap pipeline: its folder's `basemap.yaml` (optional). Fields:
//   name:        archive name written into the metadata (default "Story map basemap")
//   center:      [lon, lat, zoom] written into the header (default: the middle of the world, zoom 0)
//   archive:     file name of the archive under static/ (default basemap.pmtiles)
//   corrections: corrections files, relative to the story folder (geo/lib/corrections.mjs)
// The pipeline names no place of any story: everything story-specific comes from here.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { parseCorrection } from './corrections.mjs';

export const STORY_BASEMAP_FILE = 'basemap.yaml';

/**
 * @typedef {{ name: string, center?: [number, number, number], archive: string,
 *   corrections: import('./corrections.mjs').Correction[] }} StoryBasemap
 */

/**
 * Reads and checks `<storyDir>/basemap.yaml` and the corrections files it names.
 * @param {string} storyDir
 * @param {string} root project root (file names in messages are relative to it)
 * @returns {StoryBasemap}
 */
export function readStoryBasemap(storyDir, root) {
  const path = join(storyDir, STORY_BASEMAP_FILE);
  const rel = (p) => relative(root, p).split('\\').join('/');
  const settings = { name: 'Story map basemap', archive: 'basemap.pmtiles', corrections: [] };
  if (!existsSync(path)) return settings;
  const fail = (field, msg) => {
    throw new Error(`${rel(path)}: ${field}: ${msg}`);
  };
  const d = parse(readFileSync(path, 'utf8')) ?? {};
  if (typeof d !== 'object' || Array.isArray(d)) fail('(top level)', 'expected a mapping');
  for (const k of Object.keys(d))
    if (!['name', 'center', 'archive', 'corrections'].includes(k))
      fail(k, 'unknown field (known: name, center, archive, corrections)');
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
  if (d.archive !== undefined) {
    if (typeof d.archive !== 'string' || !/^[\w.-]+\.pmtiles$/.test(d.archive))
      fail('archive', 'expected a file name ending in .pmtiles (written under static/)');
    settings.archive = d.archive;
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
