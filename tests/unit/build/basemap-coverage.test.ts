// The basemap archive says where it has data at each zoom; a chapter that looks past it fails.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  basemapMaxZoom,
  readBasemapCoverage,
  readBasemapHeader,
  tileRects,
} from '../../../src/build/basemap/archive';
import { checkCoverage, viewBounds, REFERENCE_SCREENS } from '../../../src/build/basemap/check-coverage';
import { viewCoverage, type BasemapCoverage } from '../../../src/lib/map/coverage';
import { loadStory } from '../../../src/build/story/load';
import { MAXZOOM } from '../../../geo/lib/config.mjs';

const ARCHIVE = 'static/basemap.pmtiles';
let coverage: BasemapCoverage;
beforeAll(async () => {
  coverage = await readBasemapCoverage(ARCHIVE);
});

const chapter = (id: string, center: [number, number], zoom: number, pitch = 0, bearing = 0) => ({
  id,
  file: `chapters/${id}.md`,
  camera: { center, zoom, pitch, bearing },
});

describe('the archive says where it has data', () => {
  it('reads the zoom range from the header: the basemap max zoom is the archive’s', () => {
    expect(basemapMaxZoom(ARCHIVE)).toBe(11);
    // the pipeline's coverage list is the only place the number is written; the archive carries it
    expect(basemapMaxZoom(ARCHIVE)).toBe(MAXZOOM);
    expect(() => readBasemapHeader('package.json')).toThrow('package.json: not a PMTiles archive');
  });

  it('summarises the directory as rectangles holding exactly the archive’s tiles', async () => {
    const h = readBasemapHeader(ARCHIVE);
    const count = coverage.rects.flat().reduce((n, [x0, y0, x1, y1]) => n + (x1 - x0 + 1) * (y1 - y0 + 1), 0);
    expect(count).toBe(h.numAddressedTiles);
    expect(coverage.rects).toHaveLength(12);
    for (let z = 0; z <= 4; z++) expect(coverage.rects[z]).toEqual([[0, 0, 2 ** z - 1, 2 ** z - 1]]);
    // zoom 11 only around Chongqing
    expect(coverage.rects[11]!.length).toBe(1);
  });

  it('joins tiles into disjoint rectangles (an L shape is two)', () => {
    const l: [number, number][] = [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [0, 2],
    ];
    expect(tileRects(l)).toEqual([
      [0, 0, 1, 1],
      [0, 2, 0, 2],
    ]);
    expect(tileRects([[3, 5]])).toEqual([[3, 5, 3, 5]]);
  });
});

describe('checkCoverage', () => {
  it('fails a chapter at zoom 11 over Wuhan, naming the chapter, its zoom and where data exists', () => {
    const story = { chapters: [chapter('cq', [106.55, 29.57], 10), chapter('wuhan', [114.3, 30.59], 11)] };
    const problems = checkCoverage(story, coverage);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    expect(p.kind).toBe('outside');
    expect(p.chapter).toBe('wuhan');
    expect(p.file).toBe('chapters/wuhan.md');
    expect(p.zoom).toBe(11);
    expect(p.screens).toHaveLength(REFERENCE_SCREENS.length);
    expect(p.message).toMatch(
      /^chapter "wuhan" at zoom 11 shows an area the basemap has no data for on 390×844, /,
    );
    expect(p.message).toContain(
      'at zoom 11 the basemap has data only within 105.47° E – 108.11° E, 28.77° N – 30.60° N',
    );
  });

  it('fails a view that only partly leaves the data, and not one that stays on it', () => {
    // Chongqing's zoom-11 area ends at 108.11° E: a view centred at 108.0 runs off it on the wider
    // screens; the phone's (±0.07°) stays on it
    const edge = checkCoverage({ chapters: [chapter('edge', [108.0, 29.8], 11)] }, coverage)[0]!;
    expect(edge.screens.map((s) => `${s.screen.width}×${s.screen.height}`)).toEqual([
      '1280×800',
      '1920×1080',
      '1080×1920',
    ]);
    expect(edge.screens.every((s) => s.missing > 0 && s.missing < s.total)).toBe(true);
    expect(checkCoverage({ chapters: [chapter('inside', [106.8, 29.7], 11)] }, coverage)).toEqual([]);
    // checked as the app frames it: zoomed out to 9 on every screen, the same chapter is on data
    const zoomedOut = (c: { camera: { center: readonly number[] } }) => ({ ...c.camera, zoom: 9 });
    expect(
      checkCoverage(
        { chapters: [chapter('edge', [108.0, 29.8], 11)] },
        coverage,
        REFERENCE_SCREENS,
        zoomedOut,
      ),
    ).toEqual([]);
  });

  it('fails a chapter closer than the archive’s max zoom (its header, not a copy)', () => {
    const problems = checkCoverage({ chapters: [chapter('close', [106.8, 29.7], 13)] }, coverage);
    // the view itself is on data (MapLibre overzooms the zoom-11 tiles), but the data is not good enough
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      [
        'too-close',
        'chapter "close" at zoom 13 is closer than the basemap\'s data supports (its archive goes to zoom 11)',
      ],
    ]);
  });

  it('a pitched view reaches further than a flat one', () => {
    const flat = viewBounds({ center: [106.55, 29.57], zoom: 10 }, { width: 1280, height: 800 });
    const tilted = viewBounds({ center: [106.55, 29.57], zoom: 10, pitch: 50 }, { width: 1280, height: 800 });
    expect(tilted[3] - 29.57).toBeGreaterThan(2 * (flat[3] - 29.57));
    expect(flat[1]).toBeLessThan(29.57);
  });

  it('passes every chapter of the Liangjiang story', () => {
    const { story } = loadStory('src/stories/liangjiang');
    expect(checkCoverage(story, coverage).map((p) => p.message)).toEqual([]);
  });
});

describe('viewCoverage (run time)', () => {
  it('tells a view with all, some or none of its tiles', () => {
    expect(viewCoverage({ bounds: [106.3, 29.4, 106.8, 29.8], zoom: 11.4 }, coverage)).toBe('all');
    expect(viewCoverage({ bounds: [107.8, 29.4, 108.5, 29.8], zoom: 11 }, coverage)).toBe('some');
    expect(viewCoverage({ bounds: [114, 30.4, 114.6, 30.8], zoom: 11 }, coverage)).toBe('none');
    // across the antimeridian, as MapLibre reports it (east past 180)
    expect(viewCoverage({ bounds: [170, -10, 190, 10], zoom: 3 }, coverage)).toBe('all');
  });
});
