// Accuracy of what the app ships: the archive's river lines (decoded with the pmtiles reader and
// @mapbox/vector-tile) and the DCW province outlines the archive's boundaries are built from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  area,
  bearing,
  booleanPointInPolygon,
  destination,
  nearestPointOnLine,
  point,
  lineString,
  pointToLineDistance,
  distance,
} from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { openArchive, readVectorTile, layerFeatures } from '../../../geo/lib/archive-read.mjs';
import { tileOf as tileFor } from '../../../src/lib/map/mercator.js';
import { COUNTRIES } from '../../../geo/lib/names.mjs';
import { readStoryBasemap } from '../../../geo/lib/story-basemap.mjs';

const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const readJson = (p: string) => JSON.parse(readFileSync(root(p), 'utf8'));

const OFFICIAL_CQ_KM2 = 82402;
const TIP: Position = [106.586, 29.565]; // Chaotianmen tip
const CONFLUENCE: Position = [106.5845, 29.5742]; // mid-river tri-point (see src/stories/liangjiang/corrections/chaotianmen.json)

type Prov = Feature<MultiPolygon, { iso_3166_2: string; name_en: string }>;
const provinces = readJson('geo/data/cn-provinces.geojson') as FeatureCollection<
  MultiPolygon,
  Prov['properties']
>;

/** Water features of the archive at zoom z in the 3×3 tiles around a point (lon/lat). */
async function waterAt(z: number, lonlat: Position) {
  const { pm, close } = openArchive(root('static/basemap.pmtiles'));
  try {
    const [cx, cy] = tileFor(lonlat[0]!, lonlat[1]!, z) as [number, number];
    const out: Feature[] = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const t = await readVectorTile(pm, z, cx + dx, cy + dy);
        out.push(...(layerFeatures(t, 'water', z, cx + dx, cy + dy) as Feature[]));
      }
    return out;
  } finally {
    close();
  }
}

/** Rivers from the archive at zoom z around a point, merged across the 3×3 tiles around it. */
async function riversAt(z: number, lonlat: Position) {
  const { pm, close } = openArchive(root('static/basemap.pmtiles'));
  try {
    const [cx, cy] = tileFor(lonlat[0]!, lonlat[1]!, z) as [number, number];
    const out: Feature<LineString>[] = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const t = await readVectorTile(pm, z, cx + dx, cy + dy);
        for (const f of layerFeatures(t, 'water', z, cx + dx, cy + dy)) {
          if (f.properties?.kind !== 'river') continue;
          const g = f.geometry;
          const lines =
            g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
          for (const c of lines)
            out.push(lineString(c as Position[], f.properties as Record<string, unknown>));
        }
      }
    return out;
  } finally {
    close();
  }
}

/** >0 if p is left of the nearest segment of the line (in the line's direction), <0 if right. */
function side(p: Position, line: Position[]) {
  let best = Infinity;
  let s = 0;
  for (let i = 0; i < line.length - 1; i++) {
    const a = line[i]!;
    const b = line[i + 1]!;
    const d = pointToLineDistance(point(p), lineString([a, b]), { units: 'meters' });
    if (d < best) {
      best = d;
      s = (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!);
    }
  }
  return s;
}

const nearest = (p: Position, lines: Feature<LineString>[]) =>
  Math.min(...lines.map((l) => pointToLineDistance(point(p), l, { units: 'meters' })));

describe('Chongqing municipality outline (DCW)', () => {
  it('has an area within 1% of the official 82,402 km²', () => {
    const cq = provinces.features.find((f) => f.properties.iso_3166_2 === 'CN-CQ')!;
    const km2 = area(cq) / 1e6;
    expect(Math.abs(km2 - OFFICIAL_CQ_KM2) / OFFICIAL_CQ_KM2).toBeLessThan(0.01);
  });
});

describe('rivers at Chaotianmen, as shipped (archive, zoom 10 and 11)', () => {
  for (const z of [10, 11]) {
    describe(`zoom ${z}`, () => {
      let yangtze: Feature<LineString>[] = [];
      let jialing: Feature<LineString>[] = [];
      beforeAll(async () => {
        const rivers = await riversAt(z, TIP);
        yangtze = rivers.filter((r) => r.properties?.['name:en'] === 'Yangtze');
        jialing = rivers.filter((r) => r.properties?.['name:en'] === 'Jialing');
      }, 30_000);
      it('has the Yangtze and the Jialing, named in English and Chinese', () => {
        expect(yangtze.length).toBeGreaterThan(0);
        expect(jialing.length).toBeGreaterThan(0);
        expect(yangtze[0]!.properties?.['name:zh']).toBe('长江');
        expect(jialing[0]!.properties?.['name:zh']).toBe('嘉陵江');
      });
      it('the Yangtze passes within 600 m of the Chaotianmen tip', () => {
        expect(nearest(TIP, yangtze)).toBeLessThan(600);
      });
      it('the corrected junction: both rivers reach the mid-river confluence point (±25 m)', () => {
        expect(nearest(CONFLUENCE, yangtze)).toBeLessThan(25);
        expect(nearest(CONFLUENCE, jialing)).toBeLessThan(25);
        // the Jialing ends there
        const ends = jialing.flatMap((l) => [l.geometry.coordinates[0]!, l.geometry.coordinates.at(-1)!]);
        expect(
          Math.min(...ends.map((e) => distance(point(e), point(CONFLUENCE), { units: 'meters' }))),
        ).toBeLessThan(25);
      });
      it('the Chaotianmen tip lies between the two rivers (left of the Yangtze, right of the Jialing, both downstream)', () => {
        const y = yangtze.find((l) => pointToLineDistance(point(TIP), l, { units: 'meters' }) < 600)!;
        const j = jialing.find((l) => pointToLineDistance(point(CONFLUENCE), l, { units: 'meters' }) < 25)!;
        // the lines run downstream: the Jialing ends at the confluence, the Yangtze flows on past it
        const jc = j.geometry.coordinates;
        expect(distance(point(jc.at(-1)!), point(CONFLUENCE), { units: 'meters' })).toBeLessThan(25);
        expect(side(TIP, y.geometry.coordinates)).toBeGreaterThan(0);
        expect(side(TIP, jc)).toBeLessThan(0);
      });
    });
  }

  // The port's point is an estimate placed on the north side of the line the map draws (see geo/SOURCES.md).
  it('Guoyuan Port (story places file) lies on the north (left) bank of the Yangtze', async () => {
    const places = readJson('src/stories/liangjiang/places.geojson') as FeatureCollection<
      import('geojson').Point,
      { id: string }
    >;
    const GUOYUAN = places.features.find((f) => f.properties.id === 'guoyuan-port')!.geometry.coordinates;
    const rivers = await riversAt(10, GUOYUAN);
    const yangtze = rivers.filter((r) => r.properties?.['name:en'] === 'Yangtze');
    const near = yangtze.find((l) => pointToLineDistance(point(GUOYUAN), l, { units: 'meters' }) < 5000)!;
    expect(near).toBeDefined();
    const msg =
      `guoyuan-port (${GUOYUAN.join(', ')}) falls on the south (right) bank of the embedded Yangtze line ` +
      `(${nearest(GUOYUAN, [near]).toFixed(0)} m from it). The port is on the north bank; either the estimate (±1 km) ` +
      `or the GSHHG line (0.4–1 km off) is wrong here — the place must be drawn north of the line the map shows`;
    expect(side(GUOYUAN, near.geometry.coordinates), msg).toBeGreaterThan(0);
    // and north of the river where the river crosses the port's meridian
    const c = near.geometry.coordinates;
    const crossings: number[] = [];
    for (let i = 0; i < c.length - 1; i++) {
      const [a, b] = [c[i]!, c[i + 1]!];
      if ((a[0]! - GUOYUAN[0]!) * (b[0]! - GUOYUAN[0]!) <= 0 && a[0] !== b[0]) {
        crossings.push(a[1]! + ((GUOYUAN[0]! - a[0]!) / (b[0]! - a[0]!)) * (b[1]! - a[1]!));
      }
    }
    const closest = crossings.sort((p, q) => Math.abs(p - GUOYUAN[1]!) - Math.abs(q - GUOYUAN[1]!))[0]!;
    expect(closest, msg).toBeLessThan(GUOYUAN[1]!);
  });
});

// The Yangtze and the Jialing drawn as water of their stated width (the story's basemap.yaml
// river_areas) from zoom 10 on: measured across each river on the shipped tiles.
describe('river areas at Chaotianmen, as shipped (archive, zoom 10 and 11)', () => {
  const widths = Object.fromEntries(
    readStoryBasemap(root('src/stories/liangjiang'), root('.')).riverAreas.map((a) => [a.river, a.width_m]),
  ) as Record<string, number>;
  const places = readJson('src/stories/liangjiang/places.geojson') as FeatureCollection<
    import('geojson').Point,
    { id: string }
  >;
  const placeAt = (id: string) => places.features.find((f) => f.properties.id === id)!.geometry.coordinates;
  /** Where each river is measured: about 2–3 km upstream of the confluence, away from bends. */
  const ACROSS: Record<string, Position> = { Yangtze: [106.557, 29.559], Jialing: [106.533, 29.571] };

  it('the story states a width for both rivers', () => {
    expect(widths).toEqual({ Yangtze: 500, Jialing: 300 });
  });

  for (const z of [10, 11]) {
    describe(`zoom ${z}`, () => {
      let areas: Feature<Polygon | MultiPolygon>[] = [];
      let lines: Feature<LineString>[] = [];
      beforeAll(async () => {
        const water = await waterAt(z, TIP);
        areas = water.filter(
          (f) => f.properties?.kind_detail === 'river' && /Polygon/.test(f.geometry.type),
        ) as Feature<Polygon | MultiPolygon>[];
        lines = (await riversAt(z, TIP)) as Feature<LineString>[];
      }, 30_000);
      const inWater = (p: Position) => areas.some((a) => booleanPointInPolygon(point(p), a));

      it('has the rivers as water areas, marked schematic', () => {
        expect(areas.length).toBeGreaterThan(0);
        for (const a of areas) expect(a.properties).toMatchObject({ kind: 'water', schematic: true });
      });

      for (const river of ['Yangtze', 'Jialing']) {
        it(`the ${river} is water across its stated width, centred on its line`, () => {
          const line = lines
            .filter((l) => l.properties?.['name:en'] === river)
            .map((l) => ({ l, near: nearestPointOnLine(l, point(ACROSS[river]!)) }))
            .sort((a, b) => a.near.properties.dist! - b.near.properties.dist!)[0]!;
          const c = line.l.geometry.coordinates;
          const i = Math.min(line.near.properties.index!, c.length - 2);
          const along = bearing(point(c[i]!), point(c[i + 1]!));
          // Across the river, every 5 m, 1.5 widths each way from the line.
          const w = widths[river]!;
          let run = 0;
          let left = 0;
          for (let d = 0; d <= 1.5 * w; d += 5) {
            if (!inWater(destination(line.near, d / 1000, along - 90).geometry.coordinates)) break;
            left = d;
          }
          for (let d = 0; d <= 1.5 * w; d += 5) {
            if (!inWater(destination(line.near, d / 1000, along + 90).geometry.coordinates)) break;
            run = d;
          }
          const measured = left + run;
          // zoom 10 tiles are simplified more (~25 m), zoom 11 ~12 m
          expect(Math.abs(measured - w), `${river} measured ${measured} m across`).toBeLessThan(
            z === 10 ? 0.15 * w : 0.1 * w,
          );
          expect(Math.abs(left - run), `${river}: ${left} m on one side, ${run} m on the other`).toBeLessThan(
            0.15 * w,
          );
        });
      }

      it('the two rivers meet in the water, and the Chaotianmen tip, the city and the port stay on land', () => {
        expect(inWater(CONFLUENCE)).toBe(true);
        for (const id of ['chaotianmen', 'chongqing', 'guoyuan-port'])
          expect(inWater(placeAt(id)), `${id} is in the river`).toBe(false);
      });
    });
  }

  it('no river area below zoom 10: there the rivers are lines', async () => {
    const water = await waterAt(9, TIP);
    expect(water.filter((f) => f.properties?.kind_detail === 'river')).toEqual([]);
  });
});

describe('story places lie in their province or country', () => {
  const placesPath = 'src/stories/liangjiang/places.geojson';
  const places = readJson(placesPath) as FeatureCollection<
    import('geojson').Point,
    { id: string; province: string; name_en: string; name_zh: string; source: string }
  >;
  let countries: Feature<Polygon | MultiPolygon>[] = [];
  beforeAll(async () => {
    const { createRequire } = await import('node:module');
    const world = createRequire(import.meta.url)('world-atlas/countries-10m.json');
    countries = (
      feature(world, world.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon>
    ).features;
  });
  afterAll(() => {});

  it('has places', () => expect(places.features.length).toBeGreaterThan(0));
  for (const f of places.features) {
    it(`${f.properties.id} is in ${f.properties.province}`, () => {
      const code = f.properties.province;
      const p = point(f.geometry.coordinates);
      if (code.startsWith('CN-')) {
        const prov = provinces.features.find((q) => q.properties.iso_3166_2 === code);
        expect(prov, `no DCW province ${code}`).toBeDefined();
        expect(booleanPointInPolygon(p, prov!)).toBe(true);
      } else {
        const id = Object.entries(COUNTRIES).find(([, c]) => c.a2 === code)?.[0];
        expect(id, `country ${code} not in geo/lib/names.mjs`).toBeDefined();
        const c = countries.find((q) => Number(q.id) === Number(id));
        expect(c, `world-atlas has no country ${code}`).toBeDefined();
        expect(booleanPointInPolygon(p, c!)).toBe(true);
      }
    });
  }
});
