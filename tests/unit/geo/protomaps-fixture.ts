// A small synthetic extract in the Protomaps basemap v4 schema, written with our PMTiles writer
// (geo/lib/tiles.mjs → geo/lib/pmtiles-writer.mjs). It stands in for a real OpenStreetMap-based
// Protomaps extract (`npm run basemap:extract`): the flavor-switch and extract tests read it, and a
// story of kind `protomaps` can use the file `writeProtomapsFixture` writes.
//
// Every layer of the schema is here, with the attributes a style reads: earth; landcover and
// landuse areas; water areas (the river as a polygon, kind=water/kind_detail=river) and lines;
// roads of each kind, with bridges, a tunnel and a rail line; buildings with heights; country and
// region boundaries; places with `name` (the local name, as Protomaps writes it) and `name:<lang>`;
// points of interest. The data is made up around Chaotianmen (Chongqing): nothing here is survey.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
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

type Props = Record<string, unknown>;
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const feature = (geometry: Geometry, properties: Props): Feature => ({
  type: 'Feature',
  properties,
  geometry,
});
const pt = (lon: number, lat: number, p: Props) => feature({ type: 'Point', coordinates: [lon, lat] }, p);
const line = (coords: number[][], p: Props) => feature({ type: 'LineString', coordinates: coords }, p);
const box = (w: number, s: number, e: number, n: number, p: Props) =>
  feature(
    {
      type: 'Polygon',
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
    p,
  );

/** Name properties as Protomaps v4 writes them: `name` is the local name, then one per language. */
function names(local: string, byLang: Record<string, string>): Props {
  const out: Props = { name: local };
  for (const [lang, name] of Object.entries(byLang)) out[`name:${lang}`] = name;
  return out;
}

/** Where the fixture has data: the whole area at zooms 0–10, the centre closer (11–14). */
export const FIXTURE_AREA: [number, number, number, number] = [106.3, 29.3, 106.9, 29.9];
export const FIXTURE_CENTRE_AREA: [number, number, number, number] = [106.54, 29.54, 106.62, 29.6];
export const FIXTURE_MAXZOOM = 14;

/** The layers of the synthetic extract, in the order Protomaps v4 writes them. */
export function protomapsLayers(): { name: string; data: FeatureCollection }[] {
  const [w, s, e, n] = FIXTURE_AREA;
  return [
    { name: 'earth', data: fc([box(w, s, e, n, { kind: 'earth', min_zoom: 0 })]) },
    {
      name: 'landcover',
      data: fc([
        box(106.3, 29.75, 106.45, 29.9, { kind: 'forest', min_zoom: 0 }),
        box(106.7, 29.3, 106.9, 29.45, { kind: 'farmland', min_zoom: 0 }),
        box(106.5, 29.5, 106.68, 29.65, { kind: 'urban_area', min_zoom: 0 }),
      ]),
    },
    {
      name: 'landuse',
      data: fc([
        box(106.5, 29.55, 106.52, 29.57, {
          kind: 'park',
          min_zoom: 10,
          ...names('鹅岭公园', { en: 'Eling Park' }),
        }),
        box(106.6, 29.58, 106.61, 29.59, { kind: 'industrial', min_zoom: 11 }),
        box(106.56, 29.55, 106.565, 29.555, { kind: 'residential', min_zoom: 12 }),
        box(106.57, 29.552, 106.574, 29.555, { kind: 'school', min_zoom: 13 }),
      ]),
    },
    {
      name: 'water',
      data: fc([
        // The rivers as areas (OSM riverbanks): a band along the Yangtze and one along the Jialing.
        box(106.45, 29.552, 106.6, 29.558, {
          kind: 'water',
          kind_detail: 'river',
          min_zoom: 8,
          ...names('长江', { en: 'Yangtze River', zh: '长江', 'zh-Hans': '长江', fr: 'Yangzi Jiang' }),
        }),
        box(106.45, 29.574, 106.59, 29.578, {
          kind: 'water',
          kind_detail: 'river',
          min_zoom: 8,
          ...names('嘉陵江', { en: 'Jialing River', zh: '嘉陵江' }),
        }),
        box(106.75, 29.7, 106.8, 29.74, { kind: 'lake', min_zoom: 6, ...names('水库', { en: 'Reservoir' }) }),
        line(
          [
            [106.45, 29.555],
            [106.6, 29.555],
            [106.7, 29.6],
          ],
          { kind: 'river', min_zoom: 8, ...names('长江', { en: 'Yangtze River', zh: '长江' }) },
        ),
        line(
          [
            [106.45, 29.58],
            [106.5845, 29.5742],
          ],
          { kind: 'river', min_zoom: 8, ...names('嘉陵江', { en: 'Jialing River', zh: '嘉陵江' }) },
        ),
        line(
          [
            [106.52, 29.6],
            [106.55, 29.59],
          ],
          { kind: 'stream', min_zoom: 13 },
        ),
      ]),
    },
    {
      name: 'roads',
      data: fc([
        line(
          [
            [106.4, 29.5],
            [106.8, 29.7],
          ],
          {
            kind: 'highway',
            kind_detail: 'motorway',
            ref: 'G50',
            min_zoom: 6,
            ...names('沪渝高速', { en: 'Hurong Expressway' }),
          },
        ),
        line(
          [
            [106.55, 29.545],
            [106.6, 29.56],
          ],
          {
            kind: 'major_road',
            kind_detail: 'primary',
            min_zoom: 9,
            ...names('长滨路', { en: 'Changbin Road' }),
          },
        ),
        // A bridge over the Jialing and a tunnel under the old town.
        line(
          [
            [106.575, 29.565],
            [106.576, 29.585],
          ],
          {
            kind: 'major_road',
            kind_detail: 'trunk',
            is_bridge: true,
            min_zoom: 9,
            ...names('千厮门大桥', { en: 'Qiansimen Bridge' }),
          },
        ),
        line(
          [
            [106.56, 29.56],
            [106.58, 29.562],
          ],
          { kind: 'medium_road', kind_detail: 'secondary', is_tunnel: true, min_zoom: 10 },
        ),
        line(
          [
            [106.56, 29.55],
            [106.575, 29.556],
          ],
          {
            kind: 'minor_road',
            kind_detail: 'residential',
            min_zoom: 12,
            ...names('民生路', { en: 'Minsheng Road' }),
          },
        ),
        line(
          [
            [106.572, 29.556],
            [106.574, 29.558],
          ],
          { kind: 'path', kind_detail: 'footway', min_zoom: 13 },
        ),
        line(
          [
            [106.4, 29.6],
            [106.8, 29.62],
          ],
          { kind: 'rail', kind_detail: 'rail', min_zoom: 8 },
        ),
      ]),
    },
    {
      name: 'buildings',
      data: fc([
        box(106.57, 29.56, 106.571, 29.561, { kind: 'building', height: 30, min_zoom: 13 }),
        box(106.572, 29.56, 106.5735, 29.5612, {
          kind: 'building',
          height: 120,
          min_height: 0,
          min_zoom: 13,
        }),
        box(106.583, 29.566, 106.5845, 29.5672, { kind: 'building', height: 250, min_zoom: 13 }),
      ]),
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
          population: 9_000_000,
          population_rank: 13,
          ...names('重庆', {
            en: 'Chongqing',
            zh: '重庆',
            'zh-Hans': '重庆',
            fr: 'Chongqing',
            es: 'Chongqing',
          }),
        }),
        pt(106.58, 29.58, {
          kind: 'neighbourhood',
          min_zoom: 12,
          ...names('江北嘴', { en: 'Jiangbeizui', zh: '江北嘴' }),
        }),
        pt(106.6, 29.6, {
          kind: 'country',
          min_zoom: 0,
          ...names('中国', { en: 'China', fr: 'Chine', es: 'China' }),
        }),
        pt(106.4, 29.8, { kind: 'region', min_zoom: 4, ...names('重庆市', { en: 'Chongqing' }) }),
      ]),
    },
    {
      name: 'pois',
      data: fc([
        pt(106.586, 29.565, { kind: 'viewpoint', min_zoom: 13, ...names('朝天门', { en: 'Chaotianmen' }) }),
        pt(106.577, 29.557, { kind: 'museum', min_zoom: 14, ...names('博物馆', { en: 'Museum' }) }),
      ]),
    },
  ];
}

/** The synthetic extract's bytes: zooms 0–10 over `FIXTURE_AREA`, 11–14 over `FIXTURE_CENTRE_AREA`. */
export function protomapsExtract(): Uint8Array {
  return buildArchive({
    layers: protomapsLayers(),
    coverage: [
      { bbox: FIXTURE_AREA, minzoom: 0, maxzoom: 10 },
      { bbox: FIXTURE_CENTRE_AREA, minzoom: 11, maxzoom: FIXTURE_MAXZOOM },
    ],
    maxzoom: FIXTURE_MAXZOOM,
    metadata: {
      name: 'synthetic protomaps-schema extract (tests)',
      attribution:
        '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a> (synthetic test data)',
      type: 'baselayer',
    },
    bounds: FIXTURE_AREA,
    center: [106.586, 29.565, 12],
  });
}

/** Writes the synthetic extract to `path` (a story folder's archive, a server's file). */
export function writeProtomapsFixture(path: string): Uint8Array {
  const bytes = protomapsExtract();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return bytes;
}
