// Rivers drawn as water areas (geo/lib/layers/water.mjs riverAreaFeatures): the named line inside
// the box, widened to the stated width, the rivers joined where they meet.
import { describe, expect, it } from 'vitest';
import { bbox, booleanPointInPolygon, destination, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { riverAreaFeatures } from '../../../geo/lib/layers/water.mjs';

const line = (name: string, coordinates: number[][]) => ({
  type: 'Feature' as const,
  properties: { kind: 'river', 'name:en': name },
  geometry: { type: 'LineString' as const, coordinates },
});
const within: [number, number, number, number] = [106.4, 29.4, 106.8, 29.8];
/** Metres of water along a north–south line through `at`, every 2 m. */
function northSouth(area: Feature<Polygon | MultiPolygon>, at: [number, number]): number {
  let n = 0;
  for (let d = -1000; d <= 1000; d += 2)
    if (booleanPointInPolygon(destination(point(at), Math.abs(d) / 1000, d < 0 ? 180 : 0), area)) n += 2;
  return n;
}

describe('river areas', () => {
  it('widen the line to the stated width, centred on it, from the stated zoom', () => {
    const [area] = riverAreaFeatures(
      [
        line('Big', [
          [106.3, 29.6],
          [106.9, 29.6],
        ]),
      ],
      [{ river: 'Big', width_m: 400, within, min_zoom: 10 }],
    ) as Feature<Polygon | MultiPolygon>[];
    expect(area!.properties).toEqual({ kind: 'water', kind_detail: 'river', schematic: true, min_zoom: 10 });
    expect(Math.abs(northSouth(area!, [106.6, 29.6]) - 400)).toBeLessThanOrEqual(4);
    // only inside the box (the round ends reach half the width beyond it)
    const [w, , e] = bbox(area!);
    expect(w).toBeGreaterThan(106.4 - 0.003);
    expect(e).toBeLessThan(106.8 + 0.003);
  });

  it('join the rivers that meet into one area, so that no outline is drawn between them', () => {
    const areas = riverAreaFeatures(
      [
        line('Big', [
          [106.3, 29.6],
          [106.9, 29.6],
        ]),
        line('Small', [
          [106.6, 29.9],
          [106.6, 29.6],
        ]),
      ],
      [
        { river: 'Big', width_m: 400, within, min_zoom: 10 },
        { river: 'Small', width_m: 200, within, min_zoom: 10 },
      ],
    );
    expect(areas).toHaveLength(1);
    expect(Math.abs(northSouth(areas[0] as Feature<Polygon>, [106.5, 29.6]) - 400)).toBeLessThanOrEqual(4);
  });

  it('name the river a story asks for that no line is named', () => {
    expect(() =>
      riverAreaFeatures(
        [
          line('Big', [
            [106.3, 29.6],
            [106.9, 29.6],
          ]),
        ],
        [{ river: 'Yellow', width_m: 400, within, min_zoom: 10 }],
      ),
    ).toThrow('river_areas: no river line is named "Yellow"');
  });
});
