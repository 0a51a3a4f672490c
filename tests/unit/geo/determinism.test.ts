// The stages after extraction (layers → slicing → encoding → PMTiles) are a pure function of
// their input: built twice from the same small fixed input, the archives are byte-identical.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { buildLayers, parseCities } from '../../../geo/lib/layers/index.mjs';
import { applyCorrections, parseCorrection } from '../../../geo/lib/corrections.mjs';
import { buildArchive } from '../../../geo/lib/tiles.mjs';
import { protomapsExtract } from './protomaps-fixture';

const require = createRequire(import.meta.url);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A small fixed input: two river lines (Yangtze and Jialing at Chaotianmen, GSHHG-like) also drawn as areas, a lake, two provinces. */
function fixedInput() {
  const yangtze = [
    [106.53194, 29.52889],
    [106.57417, 29.56139],
    [106.57972, 29.56361],
    [106.58306, 29.56777],
    [106.585, 29.57305],
    [106.58416, 29.57945],
    [106.64083, 29.60084],
  ];
  const jialing = [
    [106.45, 29.6],
    [106.50222, 29.56695],
    [106.57694, 29.57749],
    [106.58334, 29.57888],
    [106.585, 29.57945],
  ];
  const sq = (w: number, s: number, e: number, n: number) => [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ];
  return {
    rivers: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { wdbii_class: 1, min_zoom: 3 },
          geometry: { type: 'LineString', coordinates: yangtze },
        },
        {
          type: 'Feature',
          properties: { wdbii_class: 2, min_zoom: 5 },
          geometry: { type: 'LineString', coordinates: jialing },
        },
      ],
    },
    lakes: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { area_km2: 300 },
          geometry: { type: 'Polygon', coordinates: sq(107, 30, 107.2, 30.1) },
        },
      ],
    },
    provinces: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { iso_3166_2: 'CN-CQ' },
          geometry: { type: 'MultiPolygon', coordinates: [sq(105, 28, 107, 31)] },
        },
        {
          type: 'Feature',
          properties: { iso_3166_2: 'CN-SC' },
          geometry: { type: 'MultiPolygon', coordinates: [sq(103, 28, 105, 31)] },
        },
      ],
    },
    cities: parseCities(
      'Chongqing\t重庆\t106.59304\t29.56692\t1\tCN\tNE\nChengdu\t成都\t104.06807\t30.67195\t1\tCN\tNE\n',
    ),
    corrections: [
      parseCorrection(
        {
          edits: [
            {
              id: 'yangtze',
              lines: 'rivers',
              where: { wdbii_class: 1 },
              replace_between: [
                [106.57417, 29.56139],
                [106.58416, 29.57945],
              ],
              with: [
                [106.5885, 29.564],
                [106.5845, 29.5742],
              ],
            },
            {
              id: 'jialing',
              lines: 'rivers',
              where: { wdbii_class: 2 },
              move_end: [106.585, 29.57945],
              to: [106.5845, 29.5742],
              taper_km: 3,
            },
          ],
        },
        'fixture-corrections.json',
      ),
    ],
    // the Yangtze drawn as water of a stated width from zoom 7 (buffering and joining are deterministic too)
    riverAreas: [
      {
        river: 'Yangtze',
        width_m: 500,
        within: [106.4, 29.4, 106.8, 29.7] as [number, number, number, number],
        min_zoom: 7,
      },
      {
        river: 'Jialing',
        width_m: 300,
        within: [106.4, 29.4, 106.8, 29.7] as [number, number, number, number],
        min_zoom: 7,
      },
    ],
    // the small world-atlas files keep the test fast
    world: {
      countries: require('world-atlas/countries-110m.json'),
      land: require('world-atlas/land-110m.json'),
    },
  };
}

function build() {
  return buildArchive({
    layers: buildLayers(fixedInput()) as Parameters<typeof buildArchive>[0]['layers'],
    coverage: [
      { bbox: [-180, -85, 180, 85], minzoom: 0, maxzoom: 2 },
      { bbox: [104, 28.5, 107.5, 30.5], minzoom: 3, maxzoom: 8 },
    ],
    maxzoom: 8,
    metadata: { name: 'determinism fixture' },
  });
}

describe('determinism of the post-extraction stages', () => {
  it('builds byte-identical archives from the same input', () => {
    const a = build();
    const b = build();
    expect(a.length).toBeGreaterThan(1000);
    expect(sha(a)).toBe(sha(b));
  }, 60_000);
  it('writes the synthetic extract identically twice', () => {
    expect(sha(protomapsExtract())).toBe(sha(protomapsExtract()));
  }, 30_000);
  it('applies the confluence correction to the fixture, moving the junction to the mid-river point', () => {
    const { rivers, report } = applyCorrections(fixedInput().rivers, fixedInput().corrections);
    const [y, j] = rivers.features.map((f) => (f.geometry as import('geojson').LineString).coordinates);
    expect(j!.at(-1)).toEqual([106.5845, 29.5742]);
    expect(y).toContainEqual([106.5845, 29.5742]);
    const jialingEndShiftM = report.find((r) => r.id === 'jialing')!.maxShiftM;
    expect(jialingEndShiftM).toBeGreaterThan(500);
    expect(jialingEndShiftM).toBeLessThan(700);
  });
  it('refuses to build when the correction no longer matches the extract', () => {
    const input = fixedInput();
    const jialing = input.corrections[0]!.edits[1] as { move_end: [number, number] };
    jialing.move_end = [0, 0];
    expect(() => applyCorrections(input.rivers, input.corrections)).toThrow(/anchors not found/);
  });
});
