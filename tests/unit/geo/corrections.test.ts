// The story names its basemap corrections; the pipeline applies them without naming any place.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readStoryBasemap,
  correctionsMetadata,
  riverAreasMetadata,
} from '../../../geo/lib/story-basemap.mjs';
import { EMBEDDED_ARCHIVE } from '../../../src/lib/basemap-archive.js';
import { parseCorrection } from '../../../geo/lib/corrections.mjs';
import { openArchive } from '../../../geo/lib/archive-read.mjs';

const ROOT = process.cwd();
const STORY = join(ROOT, 'src/stories/liangjiang');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? (n === '.cache' ? [] : files(p)) : [p];
  });
}

describe('story corrections', () => {
  it('the Liangjiang story names its Chaotianmen correction, and the pipeline code names no place of it', () => {
    const s = readStoryBasemap(STORY, ROOT);
    expect(s.corrections.map((c) => c.file)).toEqual(['src/stories/liangjiang/corrections/chaotianmen.json']);
    expect(s.corrections[0]!.edits.map((e) => e.id)).toEqual(['yangtze', 'jialing']);
    for (const f of files(join(ROOT, 'geo')).filter((p) => /\.(mjs|js|ts)$/.test(p)))
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/chaotianmen|朝天门/i);
  });

  it('the shipped archive carries what the story asks for: name, centre, the corrections and river areas notes', async () => {
    const s = readStoryBasemap(STORY, ROOT);
    const { pm, close } = openArchive(join(ROOT, EMBEDDED_ARCHIVE));
    try {
      const h = await pm.getHeader();
      const meta = (await pm.getMetadata()) as Record<string, unknown>;
      expect(meta.name).toBe(s.name);
      expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual(s.center);
      for (const [k, v] of Object.entries(correctionsMetadata(s.corrections))) expect(meta[k]).toBe(v);
      expect(meta.river_areas).toBe(riverAreasMetadata(s.riverAreas).river_areas);
      expect(meta.river_areas).toMatch(
        /^Yangtze 500 m within .*; Jialing 300 m within .*: schematic water areas/,
      );
    } finally {
      close();
    }
  });

  it('names the file and the field of a correction it cannot apply', () => {
    expect(() => parseCorrection({ edits: [] }, 'x.json')).toThrow(
      'x.json: edits: expected a non-empty list',
    );
    const edit = {
      id: 'a',
      lines: 'rivers',
      where: { wdbii_class: 1 },
      move_end: [1, 2],
      to: [1],
      taper_km: 3,
    };
    expect(() => parseCorrection({ edits: [edit] }, 'x.json')).toThrow(
      'x.json: edits[0].to: expected a [lon, lat]',
    );
    expect(() => parseCorrection({ edits: [{ ...edit, to: [1, 2], lines: 'roads' }] }, 'x.json')).toThrow(
      'x.json: edits[0].lines: expected "rivers"',
    );
  });

  it('names the story file and field of a bad basemap.yaml, and a missing corrections file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-basemap-'));
    mkdirSync(join(dir, 'story'));
    writeFileSync(join(dir, 'story/basemap.yaml'), 'center: [1, 2]\n');
    expect(() => readStoryBasemap(join(dir, 'story'), dir)).toThrow(
      'story/basemap.yaml: center: expected [lon, lat, zoom]',
    );
    writeFileSync(join(dir, 'story/basemap.yaml'), 'corrections: [fix.json]\n');
    expect(() => readStoryBasemap(join(dir, 'story'), dir)).toThrow(
      'story/basemap.yaml: corrections[0]: story/fix.json does not exist',
    );
    // The archive's name and place are the site's, not the pipeline's to choose.
    writeFileSync(join(dir, 'story/basemap.yaml'), 'archive: other.pmtiles\n');
    expect(() => readStoryBasemap(join(dir, 'story'), dir)).toThrow(
      /story\/basemap.yaml: archive: no longer read: the pipeline writes the embedded archive \(static\/basemap.pmtiles/,
    );
    for (const [area, message] of [
      [
        '{ river: Yangtze, width_m: 5, within: [1, 2, 3, 4] }',
        'river_areas[0].width_m: expected a width in metres',
      ],
      [
        '{ river: Yangtze, width_m: 500, within: [3, 2, 1, 4] }',
        'river_areas[0].within: expected [west, south, east, north]',
      ],
      ['{ width_m: 500, within: [1, 2, 3, 4] }', 'river_areas[0].river: expected the river’s English name'],
      [
        '{ river: Yangtze, width_m: 500, within: [1, 2, 3, 4], wide: true }',
        'river_areas[0].wide: unknown field',
      ],
    ]) {
      writeFileSync(join(dir, 'story/basemap.yaml'), `river_areas:\n  - ${area}\n`);
      expect(() => readStoryBasemap(join(dir, 'story'), dir)).toThrow(`story/basemap.yaml: ${message}`);
    }
  });

  it('a story without basemap.yaml gets the plain basemap: no corrections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'story-basemap-'));
    expect(readStoryBasemap(dir, dir)).toEqual({
      name: 'Story map basemap',
      corrections: [],
      riverAreas: [],
    });
  });
});
