// Layer `water`: the sea (from earth.mjs), GSHHG lakes and river-lakes, WDBII rivers (after any
// corrections the story names, see geo/lib/corrections.mjs), and the river areas the story asks
// for (a named river drawn as water of a stated width within a box, from a zoom on).
import { bboxClip, buffer, featureCollection, union } from '@turf/turf';
import { fc, names } from './common.mjs';

const lakeMinZoom = (km2) => (km2 >= 20000 ? 0 : km2 >= 5000 ? 2 : km2 >= 1000 ? 4 : km2 >= 200 ? 6 : 8);

/** Named rivers: the stitched WDBII line through `at` (an existing vertex) gets the name. */
export const RIVER_NAMES = [
  { en: 'Yangtze', zh: '长江', at: [106.64083, 29.60084] },
  { en: 'Jialing', zh: '嘉陵江', at: [106.50222, 29.56695] },
];

/** Segments per quarter circle where a river area ends: smooth at the zooms it is drawn at. */
const BUFFER_STEPS = 8;

/**
 * Water areas around named river lines: each area's river (the lines named `river` in English)
 * clipped to its box and widened to `width_m` (half on each side), all areas of one zoom joined
 * into one polygon each (so that no outline is drawn where two rivers meet). Protomaps' schema
 * for a river's water: kind=water, kind_detail=river; `schematic` says it is not surveyed.
 * @param {any[]} riverFeatures river line features, already named (`name:en`)
 * @param {import('../story-basemap.mjs').RiverArea[]} areas
 */
export function riverAreaFeatures(riverFeatures, areas) {
  /** @type {Map<number, any[]>} */
  const byZoom = new Map();
  for (const a of areas) {
    const lines = riverFeatures.filter((f) => f.properties['name:en'] === a.river);
    if (!lines.length) throw new Error(`river_areas: no river line is named ${JSON.stringify(a.river)}`);
    for (const line of lines) {
      const clipped = bboxClip(line, a.within);
      const parts =
        clipped.geometry.type === 'MultiLineString'
          ? clipped.geometry.coordinates
          : [clipped.geometry.coordinates];
      for (const coords of parts) {
        if (coords.length < 2) continue;
        const area = buffer(
          { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } },
          a.width_m / 2000,
          { units: 'kilometers', steps: BUFFER_STEPS },
        );
        if (area) (byZoom.get(a.min_zoom) ?? byZoom.set(a.min_zoom, []).get(a.min_zoom)).push(area);
      }
    }
  }
  const out = [];
  for (const [minZoom, polys] of [...byZoom].sort((p, q) => p[0] - q[0])) {
    const joined = polys.length > 1 ? union(featureCollection(polys)) : polys[0];
    if (!joined) continue;
    // 1e-6° (~0.1 m) is far below a tile unit at zoom 11 (~8 m): fewer digits, same tiles.
    const round = (c) => (typeof c[0] === 'number' ? c.map((v) => Math.round(v * 1e6) / 1e6) : c.map(round));
    out.push({
      type: 'Feature',
      properties: { kind: 'water', kind_detail: 'river', schematic: true, min_zoom: minZoom },
      geometry: { type: joined.geometry.type, coordinates: round(joined.geometry.coordinates) },
    });
  }
  return out;
}

/**
 * @param {GeoJSON.FeatureCollection} rivers river lines; a line with `properties.corrected` was changed by a correction
 * @param {GeoJSON.FeatureCollection} lakes
 * @param {any[]} ocean sea polygons (earth.mjs `oceanFeatures`)
 * @param {import('../story-basemap.mjs').RiverArea[]} [riverAreas] rivers drawn as water areas
 */
export function waterLayer(rivers, lakes, ocean = [], riverAreas = []) {
  const features = [...ocean];
  for (const f of lakes.features) {
    features.push({
      type: 'Feature',
      properties: { kind: 'lake', min_zoom: lakeMinZoom(f.properties.area_km2) },
      geometry: f.geometry,
    });
  }
  const lines = [];
  for (const f of rivers.features) {
    const c = f.geometry.coordinates;
    const named = RIVER_NAMES.find((r) => c.some((p) => p[0] === r.at[0] && p[1] === r.at[1]));
    lines.push({
      type: 'Feature',
      properties: {
        kind: 'river',
        min_zoom: f.properties.min_zoom,
        wdbii_class: f.properties.wdbii_class,
        ...(named ? names(named.en, named.zh) : {}),
        ...(f.properties.corrected ? { corrected: true } : {}),
      },
      geometry: f.geometry,
    });
  }
  // Areas first, then lines: within a tile the features keep this order.
  return fc([...features, ...riverAreaFeatures(lines, riverAreas), ...lines]);
}
