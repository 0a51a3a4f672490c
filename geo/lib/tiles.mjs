// Stage 3 — slicing and encoding. Layers (GeoJSON in lon/lat, each feature with a `min_zoom`)
// go through @maplibre/geojson-vt, are encoded with @maplibre/vt-pbf, gzipped and written with
// our PMTiles writer. Deterministic: tiles are produced in a fixed order from fixed input.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { writePmtiles, gzipTile, Compression, TileType } from './pmtiles-writer.mjs';
import { tileRange } from '../../src/lib/map/mercator.js';

/** All (x, y) at zoom z covered by the boxes of `coverage` that include z; sorted. */
export function tilesAtZoom(coverage, z) {
  const set = new Set();
  for (const c of coverage) {
    if (z < c.minzoom || z > c.maxzoom) continue;
    const { x0, x1, y0, y1 } = tileRange(c.bbox, z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) set.add(x * 2 ** z + y);
  }
  return [...set].sort((a, b) => a - b).map((k) => [Math.floor(k / 2 ** z), k % 2 ** z]);
}

/**
 * @typedef {Object} LayerInput
 * @property {string} name vector layer name (Protomaps schema: earth, water, boundaries, places)
 * @property {GeoJSON.FeatureCollection} data features; `properties.min_zoom` (default 0) says from
 *   which zoom a feature is written
 * @property {number} [tolerance] geojson-vt simplification tolerance (tile units of 4096)
 * @property {string} [description]
 */

/**
 * Builds tiles for every zoom and covered tile.
 * @param {{ layers: LayerInput[], coverage: {bbox:number[],minzoom:number,maxzoom:number}[], maxzoom: number, log?: (s:string)=>void }} p
 * @returns {{ z:number, x:number, y:number, data:Uint8Array }[]}
 */
export function buildTiles({ layers, coverage, maxzoom, log = () => {} }) {
  const indexes = layers.map((l) => ({
    name: l.name,
    index: new GeoJSONVT(l.data, {
      maxZoom: maxzoom,
      indexMaxZoom: 4,
      indexMaxPoints: 20000,
      tolerance: l.tolerance ?? 3,
      extent: 4096,
      buffer: 64,
    }),
  }));
  const tiles = [];
  for (let z = 0; z <= maxzoom; z++) {
    let n = 0;
    let bytes = 0;
    for (const [x, y] of tilesAtZoom(coverage, z)) {
      /** @type {Record<string, any>} */
      const out = {};
      let any = false;
      for (const { name, index } of indexes) {
        const t = index.getTile(z, x, y);
        if (!t) continue;
        const features = t.features.filter((f) => (f.tags?.min_zoom ?? 0) <= z);
        if (!features.length) continue;
        out[name] = { ...t, features };
        any = true;
      }
      if (!any) continue;
      const data = gzipTile(fromGeojsonVt(out, { version: 2, extent: 4096 }));
      tiles.push({ z, x, y, data });
      n++;
      bytes += data.length;
    }
    log(`  z${z}: ${n} tiles, ${(bytes / 1024).toFixed(0)} KiB`);
  }
  return tiles;
}

/** Field types for TileJSON `vector_layers`, from the features' properties. Sorted, stable. */
export function vectorLayers(layers, maxzoom) {
  return layers.map((l) => {
    /** @type {Record<string,string>} */
    const fields = {};
    for (const f of l.data.features) {
      for (const [k, v] of Object.entries(f.properties ?? {})) {
        fields[k] = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }
    }
    const sorted = Object.fromEntries(
      Object.keys(fields)
        .sort()
        .map((k) => [k, fields[k]]),
    );
    return { id: l.name, description: l.description ?? '', minzoom: 0, maxzoom, fields: sorted };
  });
}

/**
 * Whole deterministic back end: layers → PMTiles bytes.
 * @param {{ layers: LayerInput[], coverage: any[], maxzoom: number, metadata?: Record<string, unknown>, bounds?: number[], center?: number[], log?: (s:string)=>void }} p
 */
export function buildArchive({ layers, coverage, maxzoom, metadata = {}, bounds, center, log }) {
  const tiles = buildTiles({ layers, coverage, maxzoom, log });
  return writePmtiles({
    tiles,
    tileType: TileType.Mvt,
    tileCompression: Compression.Gzip,
    internalCompression: Compression.Gzip,
    bounds: /** @type {any} */ (bounds),
    center: /** @type {any} */ (center),
    metadata: { ...metadata, vector_layers: vectorLayers(layers, maxzoom) },
  });
}
