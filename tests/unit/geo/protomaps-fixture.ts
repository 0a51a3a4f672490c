// A tiny synthetic extract in the Protomaps basemap v4 schema, written with our PMTiles writer.
// It stands in for a real OpenStreetMap-based Protomaps extract in the flavor-switch tests.
import type { FeatureCollection } from 'geojson';
import type { Source } from 'pmtiles';
import { buildArchive } from '../../../geo/lib/tiles.mjs';

/** pmtiles Source over an in-memory archive. */
export class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number) {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.length) as ArrayBuffer };
  }
}

const fc = (features: FeatureCollection['features']): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});
const pt = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  properties,
  geometry: { type: 'Point' as const, coordinates: [lon, lat] },
});
const line = (coords: number[][], properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  properties,
  geometry: { type: 'LineString' as const, coordinates: coords },
});
const box = (w: number, s: number, e: number, n: number, properties: Record<string, unknown>) => ({
  type: 'Feature' as const,
  properties,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  },
});

/** Layers of the synthetic extract around Chaotianmen (names as Protomaps v4 writes them). */
export function protomapsLayers() {
  return [
    { name: 'earth', data: fc([box(106.3, 29.3, 106.9, 29.9, { kind: 'earth', min_zoom: 0 })]) },
    {
      name: 'water',
      data: fc([
        box(106.55, 29.555, 106.6, 29.565, {
          kind: 'water',
          kind_detail: 'river',
          min_zoom: 8,
          name: '长江',
          'name:en': 'Yangtze River',
          'name:zh-Hans': '长江',
        }),
        line(
          [
            [106.45, 29.58],
            [106.5845, 29.5742],
          ],
          { kind: 'river', min_zoom: 8, name: '嘉陵江', 'name:en': 'Jialing River', 'name:zh': '嘉陵江' },
        ),
      ]),
    },
    { name: 'landuse', data: fc([box(106.5, 29.55, 106.52, 29.57, { kind: 'park', min_zoom: 10 })]) },
    {
      name: 'roads',
      data: fc([
        line(
          [
            [106.4, 29.5],
            [106.8, 29.7],
          ],
          { kind: 'highway', min_zoom: 6, name: 'G50' },
        ),
        line(
          [
            [106.4, 29.6],
            [106.8, 29.62],
          ],
          { kind: 'rail', min_zoom: 8 },
        ),
      ]),
    },
    {
      name: 'buildings',
      data: fc([box(106.57, 29.56, 106.571, 29.561, { kind: 'building', min_zoom: 14 })]),
    },
    {
      name: 'boundaries',
      data: fc([
        line(
          [
            [106.3, 29.4],
            [106.9, 29.8],
          ],
          { kind: 'region', kind_detail: 4, min_zoom: 0 },
        ),
        line(
          [
            [106.3, 29.5],
            [106.9, 29.9],
          ],
          { kind: 'country', kind_detail: 2, disputed: true, min_zoom: 0 },
        ),
      ]),
    },
    {
      name: 'places',
      data: fc([
        pt(106.55, 29.56, {
          kind: 'locality',
          kind_detail: 'city',
          min_zoom: 2,
          population_rank: 13,
          name: '重庆',
          'name:en': 'Chongqing',
          'name:zh': '重庆',
        }),
        pt(106.6, 29.6, { kind: 'country', min_zoom: 0, name: '中国', 'name:en': 'China' }),
      ]),
    },
    { name: 'pois', data: fc([pt(106.586, 29.565, { kind: 'viewpoint', min_zoom: 15, name: '朝天门' })]) },
  ];
}

/** The synthetic extract's bytes (zoom 0–12 around Chaotianmen). */
export function protomapsExtract(): Uint8Array {
  return buildArchive({
    layers: protomapsLayers(),
    coverage: [{ bbox: [106.3, 29.3, 106.9, 29.9], minzoom: 0, maxzoom: 12 }],
    maxzoom: 12,
    metadata: {
      name: 'synthetic protomaps-schema extract (tests)',
      attribution: '© OpenStreetMap (synthetic test data)',
    },
    bounds: [106.3, 29.3, 106.9, 29.9],
  });
}
