// Routes tell a journey (issue 16): a chapter draws a route up to a place on it or a fraction of
// it, from where the previous chapter that showed it left it. Checked in the engine's test story,
// whose canal is drawn to Yangzhou, then on to six tenths of its length, then whole.
import { describe, expect, test } from 'vitest';
import { lineString, pointToLineDistance } from '@turf/turf';
import { compileStory, StoryError } from '../../src/build/story/compile';
import { readStoryFolder } from '../../src/build/story/load';
import { chapterMapState, drawFraction } from '../../src/lib/story/chapter-state';
import { mercator } from '../../src/lib/map/mercator';
import type { Story } from '../../src/lib/story/types';

const DIR = 'tests/fixtures/grand-canal';
const real = readStoryFolder(DIR);
const story = compileStory(real, { dir: DIR });
const ROUTE = 'grand-canal';
const VIA = ['hangzhou', 'suzhou', 'yangzhou', 'jining', 'tianjin', 'beijing'];

function edited(name: string, edit: (text: string) => string): Map<string, string> {
  const files = new Map(real);
  const changed = edit(files.get(name)!);
  if (changed === files.get(name)) throw new Error(`the edit did not change ${name}`);
  files.set(name, changed);
  return files;
}

function problems(files: Map<string, string>): string[] {
  try {
    compileStory(files, { dir: DIR });
  } catch (e) {
    if (e instanceof StoryError) return e.message.split('\n').slice(1);
    throw e;
  }
  throw new Error('the story compiled, but it should not have');
}

const lineOf = (files: Map<string, string>, name: string, needle: string) =>
  files
    .get(name)!
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

const coordsOf = (id: string) => story.places.find((p) => p.id === id)!.coordinates;

/** Independently: the share of the Web Mercator length of the canal's waypoints up to waypoint `upTo`. */
function mercatorShare(via: string[], upTo: string): number {
  const pts = via.map((id) => mercator(coordsOf(id)));
  const legs = pts.slice(1).map((p, i) => Math.hypot(p[0] - pts[i]![0], p[1] - pts[i]![1]));
  const total = legs.reduce((a, b) => a + b, 0);
  return legs.slice(0, via.indexOf(upTo)).reduce((a, b) => a + b, 0) / total;
}

const routeAt = (s: Story, index: number, progress = 1) =>
  chapterMapState(s, index, progress).routes.find((r) => r.id === ROUTE)!;

describe('a chapter says how much of a route it shows', () => {
  test('"to: <place>" ends the route at that place; "to: <fraction>" at that share of it; a plain id draws it whole', () => {
    const ends = Object.fromEntries(story.chapters.map((c) => [c.id, c.routeEnds?.[ROUTE]]));
    expect(ends.south).toBeCloseTo(mercatorShare(VIA, 'yangzhou'), 5);
    expect(ends.north).toBe(0.6);
    expect(ends.whole).toBeUndefined();
    expect(story.chapters.map((c) => c.layers.includes(ROUTE))).toEqual([true, true, true, false]);
  });

  test('a place that does not exist', () => {
    const files = edited('chapters/02-north.md', (t) => t.replace('to: 0.6', 'to: kaifeng'));
    expect(problems(files)).toEqual([
      `${DIR}/chapters/02-north.md:${lineOf(files, 'chapters/02-north.md', 'layers:')}: chapter "north", field "layers[0].to": place "kaifeng" does not exist (see ${DIR}/places.geojson)`,
    ]);
  });

  test.each([1.5, -0.2])('a fraction out of range (%s)', (f) => {
    const files = edited('chapters/02-north.md', (t) => t.replace('to: 0.6', `to: ${f}`));
    expect(problems(files)).toEqual([
      `${DIR}/chapters/02-north.md:${lineOf(files, 'chapters/02-north.md', 'layers:')}: chapter "north", field "layers[0].to": a fraction of the route must be from 0 to 1 (0.6: six tenths of it)`,
    ]);
  });

  test('a place far from the route names the chapter, the route, the place and the distance', () => {
    const files = edited('chapters/01-south.md', (t) => t.replace('to: yangzhou', 'to: lake-tai'));
    const route = story.overlays.find((o) => o.id === ROUTE)!.geometry as GeoJSON.LineString;
    // Independently, with Turf: how far the lake's centre is from the line.
    const km = Math.round(pointToLineDistance(coordsOf('lake-tai'), lineString(route.coordinates)));
    expect(km).toBeGreaterThan(10);
    expect(problems(files)).toEqual([
      `${DIR}/chapters/01-south.md:${lineOf(files, 'chapters/01-south.md', 'layers:')}: chapter "south", field "layers[0].to": route "grand-canal" does not pass place "lake-tai": its nearest point is ${km} km away (at most 10 km); give a place on the route, or a fraction`,
    ]);
  });

  test('only a route can be drawn part of the way', () => {
    const files = edited('chapters/01-south.md', (t) =>
      t.replace('lake-tai-scale]', '{ route: lake-tai-scale, to: 0.5 }]'),
    );
    expect(problems(files)).toEqual([
      `${DIR}/chapters/01-south.md:${lineOf(files, 'chapters/01-south.md', 'layers:')}: chapter "south", field "layers[1]": layer "lake-tai-scale" is a scale-circle: only a route can be drawn part of the way ("to")`,
    ]);
  });

  test('a route listed twice, once with "to"', () => {
    const files = edited('chapters/02-north.md', (t) =>
      t.replace(
        'layers: [{ route: grand-canal, to: 0.6 }]',
        'layers: [{ route: grand-canal, to: 0.6 }, grand-canal]',
      ),
    );
    expect(problems(files)).toEqual([
      `${DIR}/chapters/02-north.md:${lineOf(files, 'chapters/02-north.md', 'layers:')}: chapter "north", field "layers[0]": route "grand-canal" is listed twice`,
    ]);
  });

  test('a route part of the way written as a block, and one without "to"', () => {
    const block = edited('chapters/02-north.md', (t) =>
      t.replace(
        'layers: [{ route: grand-canal, to: 0.6 }]',
        'layers:\n  - route: grand-canal\n    to: jining',
      ),
    );
    const north = compileStory(block, { dir: DIR }).chapters.find((c) => c.id === 'north')!;
    expect(north.routeEnds![ROUTE]).toBeCloseTo(mercatorShare(VIA, 'jining'), 5);
    const missing = edited('chapters/02-north.md', (t) => t.replace(', to: 0.6', ''));
    expect(problems(missing)).toEqual([
      `${DIR}/chapters/02-north.md:${lineOf(missing, 'chapters/02-north.md', 'layers:')}: chapter "north", field "layers[0]": must be an overlay id, or a route drawn part of the way: { route: <id>, to: <place id or fraction> }`,
    ]);
  });
});

describe('the route so far, in the chapter’s map state', () => {
  test('each chapter starts the route where the previous one left it, and ends it where it says', () => {
    const spans = story.chapters.map((_c, i) => {
      const r = routeAt(story, i);
      return [r.shown, r.from, r.to];
    });
    const [south, north] = [story.chapters[0]!.routeEnds![ROUTE]!, 0.6];
    expect(spans).toEqual([
      [true, 0, south],
      [true, south, north],
      [true, north, 1],
      [false, 1, 1],
    ]);
  });

  test('while the chapter is read the drawn part grows from its start to its end', () => {
    for (const i of [0, 1, 2]) {
      const { from, to } = routeAt(story, i);
      expect(routeAt(story, i, 0).drawn).toBe(from);
      expect(routeAt(story, i, 1).drawn).toBe(to);
      for (const p of [0.2, 0.4, 0.6])
        expect(routeAt(story, i, p).drawn).toBeCloseTo(from + (to - from) * drawFraction(p), 10);
    }
  });

  test('a chapter that skips the route passes it on unchanged', () => {
    const skipping = edited('chapters/02-north.md', (t) =>
      t.replace('layers: [{ route: grand-canal, to: 0.6 }]', 'layers: []'),
    );
    const s = compileStory(skipping, { dir: DIR });
    const south = s.chapters[0]!.routeEnds![ROUTE]!;
    expect(routeAt(s, 1)).toEqual({ id: ROUTE, shown: false, from: south, to: south, drawn: south });
    expect([routeAt(s, 2).from, routeAt(s, 2).to]).toEqual([south, 1]);
  });

  test('opening a chapter directly gives the same state as arriving there chapter by chapter', () => {
    const direct = chapterMapState(story, 2, 0.5);
    for (let i = 0; i < 2; i++) chapterMapState(story, i, 1);
    expect(chapterMapState(story, 2, 0.5)).toEqual(direct);
    expect(direct.routes.find((r) => r.id === ROUTE)!.from).toBe(0.6);
  });

  test('a plain route in a story told chapter by chapter is drawn from 0 to 1, as before', () => {
    const plain = edited('chapters/01-south.md', (t) =>
      t.replace('{ route: grand-canal, to: yangzhou }', 'grand-canal'),
    );
    const s = compileStory(plain, { dir: DIR });
    expect([routeAt(s, 0).from, routeAt(s, 0).to]).toEqual([0, 1]);
    expect(s.chapters[0]!.routeEnds).toBeUndefined();
  });
});
