// Stage 1 — extraction. Runs Debian's GMT on GSHHG (rivers, lakes) and DCW (Chinese provinces)
// and writes plain GeoJSON. Everything after this stage is deterministic JavaScript.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGIONS, RIVER_CLASSES, LAKES } from './config.mjs';
import { parseGmtSegments, stitch, ringsToPolygons, simplifyLine, lakeAreaKm2 } from './geom.mjs';
import { PROVINCES } from './names.mjs';

const R = (name) => `-R${REGIONS[name].join('/')}`;

// GMT writes gmt.history/gmt.conf into its working directory: run it in a scratch directory.
let scratch;
function gmt(args) {
  scratch ??= mkdtempSync(join(tmpdir(), 'lj-gmt-'));
  return execFileSync('gmt', args, { encoding: 'utf8', maxBuffer: 1 << 30, cwd: scratch });
}

const fc = (features) => ({ type: 'FeatureCollection', features });
const write = (path, obj) => writeFileSync(path, JSON.stringify(obj) + '\n');

/** WDBII rivers, one LineString per stitched chain, with the class and its min_zoom. */
export function extractRivers() {
  const features = [];
  for (const { cls, region, min_zoom } of RIVER_CLASSES) {
    const segs = parseGmtSegments(gmt(['coast', R(region), '-Df', `-I${cls}`, '-M']));
    for (const { coords } of stitch(segs.map((s) => s.coords))) {
      features.push({
        type: 'Feature',
        properties: { wdbii_class: cls, min_zoom },
        geometry: { type: 'LineString', coordinates: coords },
      });
    }
    console.log(`  rivers class ${cls} (${region}): ${segs.length} GSHHG bin segments`);
  }
  return fc(features);
}

/** GSHHG level-2 shorelines (lakes and river-lakes) stitched back into polygons. */
export function extractLakes() {
  const features = [];
  const bigLimit = LAKES[0].minArea;
  for (const { region, minArea } of LAKES) {
    const segs = parseGmtSegments(gmt(['coast', R(region), '-Df', `-A${minArea}/2/2`, '-W', '-M']));
    const chains = stitch(segs.map((s) => s.coords));
    const rings = chains.filter((c) => c.closed).map((c) => c.coords);
    let kept = 0;
    for (const poly of ringsToPolygons(rings)) {
      const areaKm2 = lakeAreaKm2(poly[0]);
      // the detailed region repeats the big lakes the coarse one already has
      if (region !== LAKES[0].region && areaKm2 >= bigLimit) continue;
      kept++;
      features.push({
        type: 'Feature',
        properties: { area_km2: Math.round(areaKm2) },
        geometry: { type: 'Polygon', coordinates: poly },
      });
    }
    console.log(
      `  lakes ≥ ${minArea} km² (${region}): ${kept} polygons (${chains.length - rings.length} open chains at the region edge dropped)`,
    );
  }
  return fc(features);
}

/**
 * DCW outlines of every Chinese province-level unit. Simplified to 0.001° (~100 m, well within
 * DCW's 1:1,000,000 accuracy of a few hundred metres) to keep the committed file small.
 */
export function extractProvinces() {
  const features = [];
  for (const p of PROVINCES) {
    const segs = parseGmtSegments(gmt(['coast', `-ECN.${p.dcw}`, '-M']));
    const rings = segs
      .map((s) => simplifyLine(s.coords, 0.001))
      .map((r) => (r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r : [...r, r[0]]))
      .filter((r) => r.length >= 4);
    const polys = ringsToPolygons(rings);
    features.push({
      type: 'Feature',
      properties: { iso_3166_2: `CN-${p.dcw}`, dcw_code: `CN.${p.dcw}`, name_en: p.en, name_zh: p.zh },
      geometry: { type: 'MultiPolygon', coordinates: polys },
    });
  }
  console.log(`  provinces: ${features.length} DCW units`);
  return fc(features);
}

export function extractAll({ cacheDir, dataDir }) {
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  write(join(cacheDir, 'rivers.geojson'), extractRivers());
  write(join(cacheDir, 'lakes.geojson'), extractLakes());
  write(join(dataDir, 'cn-provinces.geojson'), extractProvinces());
}
