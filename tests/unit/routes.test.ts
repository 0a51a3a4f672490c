// Issue 7: route lengths and the drawn part of a route, checked against independent Turf
// calculations from the route's own waypoints in overlays.yaml (never a figure typed in here).
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { distance, length, lineString, nearestPointOnLine } from '@turf/turf';
import { loadStory } from '../../src/build/story/load';
import { DRAW_END, DRAW_START, drawFraction, routeDrawn, sliceDrawn } from '../../src/lib/map/route-draw';
import { mercator } from '../../src/lib/map/mercator';
import { drawnGradient, gradientFraction, PALETTES, routePaint } from '../../src/lib/map/story-layers';
import { formatKm } from '../../src/lib/ui/format';
import { chapterMapState } from '../../src/lib/story/chapter-state';

const DIR = 'src/stories/liangjiang';
const { story } = loadStory(DIR);
const raw = parse(readFileSync(`${DIR}/overlays.yaml`, 'utf8')) as Record<
  string,
  { kind: string; via?: (string | [number, number])[]; geodesic?: boolean }
>;
const places = (
  JSON.parse(readFileSync(`${DIR}/places.geojson`, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Point>
).features;
const coordOf = (v: string | [number, number]) =>
  typeof v === 'string' ? places.find((f) => f.properties!.id === v)!.geometry.coordinates : v;
const routes = story.overlays.filter((o) => o.kind === 'route');

describe('route lengths', () => {
  test('the story has the four routes of the issue', () => {
    expect(routes.map((r) => r.id).sort()).toEqual(
      ['flight-to-launch', 'land-sea-corridor', 'rail-to-duisburg', 'yangtze-to-shanghai'].sort(),
    );
  });

  test.each(routes.map((r) => [r.id, r] as const))('%s: length equals Turf along its waypoints', (id, r) => {
    const via = raw[id]!.via!.map(coordOf);
    // Independent: the sum of great-circle distances between consecutive waypoints.
    let expected = 0;
    for (let i = 1; i < via.length; i++) expected += distance(via[i - 1]!, via[i]!, { units: 'kilometers' });
    expect(expected).toBeGreaterThan(100);
    // A flight is a great-circle arc: its length is the distance between its end points.
    if (raw[id]!.geodesic) {
      const ends = distance(via[0]!, via[via.length - 1]!, { units: 'kilometers' });
      expect(Math.abs(r.measure - ends) / ends).toBeLessThan(0.001);
    }
    expect(Math.abs(r.measure - expected) / expected, `${id}: ${r.measure} vs ${expected}`).toBeLessThan(
      0.001,
    );
    // The first and last points of the drawn line are the route's end points.
    const line = (r.geometry as GeoJSON.LineString).coordinates;
    expect(distance(line[0]!, via[0]!)).toBeLessThan(0.01);
    expect(distance(line[line.length - 1]!, via[via.length - 1]!)).toBeLessThan(0.01);
  });

  test('the legend shows each length in the reader’s language, rounded to 10 km', () => {
    for (const r of routes) {
      const rounded = Math.round(r.measure / 10) * 10;
      expect(formatKm(r.measure, 'en')).toBe(`${rounded.toLocaleString('en-GB')} km`);
      const zh = rounded >= 10000 ? rounded.toLocaleString('zh-CN') : String(rounded);
      expect(formatKm(r.measure, 'zh')).toBe(`${zh} 公里`);
    }
  });
});

describe('the drawn part of a route', () => {
  test('drawing starts a little into the chapter and is complete before its end', () => {
    expect(drawFraction(0)).toBe(0);
    expect(drawFraction(DRAW_START)).toBe(0);
    expect(drawFraction(DRAW_END)).toBe(1);
    expect(drawFraction(1)).toBe(1);
    expect(drawFraction((DRAW_START + DRAW_END) / 2)).toBeCloseTo(0.5, 10);
    expect(drawFraction(Number.NaN)).toBe(1);
  });

  test.each(routes.map((r) => [r.id, r] as const))(
    '%s: drawn km grows with progress to the whole route',
    (_, r) => {
      const line = lineString((r.geometry as GeoJSON.LineString).coordinates);
      const total = length(line, { units: 'kilometers' });
      let last = -1;
      for (let i = 0; i <= 20; i++) {
        const d = routeDrawn(r, i / 20);
        expect(d.km).toBeGreaterThanOrEqual(last);
        last = d.km;
        if (d.fraction > 0 && d.fraction < 1) {
          // The drawn length is how far along the route (by Turf) the drawn end lies. MapLibre draws
          // each leg straight in Web Mercator, Turf measures great circles, so allow 1 % of the route.
          const along = nearestPointOnLine(line, d.end, { units: 'kilometers' }).properties.location;
          expect(Math.abs(along - d.km)).toBeLessThan(total * 0.01);
        }
      }
      expect(routeDrawn(r, 0).km).toBe(0);
      expect(Math.abs(routeDrawn(r, 1).km - total)).toBeLessThan(0.01);
      expect(routeDrawn(r, 1).totalKm).toBe(r.measure);
    },
  );

  test('the drawn fraction is a fraction of the line as MapLibre measures it (Web Mercator)', () => {
    const r = routes.find((x) => x.id === 'rail-to-duisburg')!;
    const coords = (r.geometry as GeoJSON.LineString).coordinates;
    const mlen = (cs: number[][]) => {
      let s = 0;
      for (let i = 1; i < cs.length; i++) {
        const [a, b] = [mercator(cs[i - 1]!), mercator(cs[i]!)];
        s += Math.hypot(b[0] - a[0], b[1] - a[1]);
      }
      return s;
    };
    for (const f of [0.1, 0.25, 0.5, 0.9]) {
      expect(mlen(sliceDrawn(coords, f)) / mlen(coords)).toBeCloseTo(f, 6);
    }
  });

  test('the map paint for a fraction is the whole picture: the same progress paints the same', () => {
    const p = PALETTES.light;
    const drawn = [{ id: 'a', shown: true, drawn: 0.42 }];
    expect(routePaint(p, drawn)).toEqual(routePaint(p, drawn));
    for (const f of [0, 0.3, 1]) expect(gradientFraction(drawnGradient(p.route, f))).toBe(f);
    expect(gradientFraction(drawnGradient(p.route, 1.7))).toBe(1);
    expect(gradientFraction('red')).toBeNull();
  });

  test('a chapter without a route keeps one route paint for its whole dwell, so its map can rest', () => {
    const ids = new Set(routes.map((r) => r.id));
    const withRoute = story.chapters.findIndex((c) => c.layers.some((l) => ids.has(l)));
    const without = story.chapters.findIndex((c) => !c.layers.some((l) => ids.has(l)));
    const steps = Array.from({ length: 21 }, (_, i) => i / 20);
    const paint = (i: number) =>
      steps.map((progress) =>
        JSON.stringify(routePaint(PALETTES.light, chapterMapState(story, i, progress).routes)),
      );
    expect(new Set(paint(without)).size).toBe(1);
    // Each route of the Liangjiang story is shown in one chapter only, so it is drawn from 0 to 1 there.
    const drawnAt = (progress: number) =>
      chapterMapState(story, withRoute, progress).routes.find((r) => r.shown)!.drawn;
    expect(steps.map(drawnAt)).toEqual(steps.map(drawFraction));
  });
});
