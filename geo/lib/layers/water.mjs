// Layer `water`: the sea (from earth.mjs), GSHHG lakes and river-lakes, WDBII rivers (after any
// corrections the story names, see geo/lib/corrections.mjs).
import { fc, names } from './common.mjs';

const lakeMinZoom = (km2) => (km2 >= 20000 ? 0 : km2 >= 5000 ? 2 : km2 >= 1000 ? 4 : km2 >= 200 ? 6 : 8);

/** Named rivers: the stitched WDBII line through `at` (an existing vertex) gets the name. */
export const RIVER_NAMES = [
  { en: 'Yangtze', zh: '长江', at: [106.64083, 29.60084] },
  { en: 'Jialing', zh: '嘉陵江', at: [106.50222, 29.56695] },
];

/**
 * @param {GeoJSON.FeatureCollection} rivers river lines; a line with `properties.corrected` was changed by a correction
 * @param {GeoJSON.FeatureCollection} lakes
 * @param {any[]} ocean sea polygons (earth.mjs `oceanFeatures`)
 */
export function waterLayer(rivers, lakes, ocean = []) {
  const features = [...ocean];
  for (const f of lakes.features) {
    features.push({
      type: 'Feature',
      properties: { kind: 'lake', min_zoom: lakeMinZoom(f.properties.area_km2) },
      geometry: f.geometry,
    });
  }
  for (const f of rivers.features) {
    const c = f.geometry.coordinates;
    const named = RIVER_NAMES.find((r) => c.some((p) => p[0] === r.at[0] && p[1] === r.at[1]));
    features.push({
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
  return fc(features);
}
